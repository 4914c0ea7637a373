/// mimalloc instead of the system allocator: an article's analysis makes a
/// few hundred small allocations (entity names, keys, record strings), and
/// glibc's malloc/free with its fastbin consolidation cost ~9% of the
/// instructions of a run of short articles. Built without transparent
/// huge pages (see Cargo.toml).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;

fn main() {
    std::process::exit(cli::main());
}
