fn main() {
    std::process::exit(khabar::cli::main());
}
