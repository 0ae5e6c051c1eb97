//! Performance marks around the page's long pieces of work (parse,
//! compare, the path, the chart), as `performance.measure` entries a
//! benchmark reads (`layerdiff:parse`, `layerdiff:compare`, …).

/// A `performance.measure` around a piece of work, readable by benchmarks.
pub struct PerfMark {
    name: &'static str,
}

impl PerfMark {
    /// Starts the mark `name`.
    pub fn start(name: &'static str) -> Self {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(&format!("{name}:start"));
        }
        PerfMark { name }
    }
}

impl Drop for PerfMark {
    fn drop(&mut self) {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.measure_with_start_mark(self.name, &format!("{}:start", self.name));
        }
    }
}
