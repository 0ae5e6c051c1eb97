//! The `layerdiff` command line: the same core as the page, for terminals and CI.

fn main() {
    let text = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
    let parsed = layerdiff::core::parse::parse(&text);
    println!("{}", parsed.histories.len());
}
