//! Marking elements of the page by a CSS class, found by a selector: how a
//! view highlights what it points at without owning the elements (the chart
//! is an SVG string; the table belongs to the comparison view).

use wasm_bindgen::JsCast;

/// Every element under `root` that matches `selector`.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Gives `class` to exactly the elements under `root` that match `selector`
/// (none when `selector` is `None`), and returns them.
pub fn mark(root: &web_sys::Element, class: &str, selector: Option<&str>) -> Vec<web_sys::Element> {
    for el in all(root, &format!(".{class}")) {
        let _ = el.class_list().remove_1(class);
    }
    let marked = selector.map(|s| all(root, s)).unwrap_or_default();
    for el in &marked {
        let _ = el.class_list().add_1(class);
    }
    marked
}
