//! The web app's entry point, built by Trunk for wasm32: mounts the Yew app.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<layerdiff::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("layerdiff-web is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
