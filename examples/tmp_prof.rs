fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let text: String = match which.as_str() {
        "many" => (0..50_000)
            .map(|i| format!("<missing>   {i} weeks ago   RUN x {i}\n"))
            .collect(),
        "big" => {
            let demo = std::fs::read_to_string(
                "tests/data/corpus/000-course-3.1-backend-before-after.txt",
            )
            .unwrap();
            let n: usize = std::env::args()
                .nth(2)
                .and_then(|a| a.parse().ok())
                .unwrap_or(10_000_000);
            demo.repeat(n / demo.len() + 1)
        }
        "pipes" => "| a |\n".repeat(50_000),
        "wraps" => {
            let cut_header = format!(
                "{:<64}\nSIZE   COMMENT\n",
                "IMAGE     CREATED     CREATED BY"
            );
            let cut_row = format!("{:<64}\nx   1B   c\n", "<missing>   2 weeks ago   RUN a");
            format!("{cut_header}{}", cut_row.repeat(5)).repeat(4_000)
        }
        _ => (0..100_000).map(|i| format!("{i} ")).collect(),
    };
    let t = std::time::Instant::now();
    let p = layerdiff::core::parse::parse(&text);
    eprintln!("{} {:?} {}", text.len(), t.elapsed(), p.histories.len());
}
