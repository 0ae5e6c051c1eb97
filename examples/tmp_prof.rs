fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let text: String = match which.as_str() {
        "many" => (0..50_000)
            .map(|i| format!("<missing>   {i} weeks ago   RUN x {i}\n"))
            .collect(),
        _ => (0..100_000).map(|i| format!("{i} ")).collect(),
    };
    let t = std::time::Instant::now();
    let p = layerdiff::core::parse::parse(&text);
    eprintln!("{} {:?} {}", text.len(), t.elapsed(), p.histories.len());
}
