//! Test-only helpers for the "exports are inert" tests: render Markdown as a
//! permissive CommonMark renderer would (pulldown-cmark: raw HTML passed
//! through as is, GFM tables), then read the HTML back: every tag with its
//! attributes, every `<code>` element's text, and the HTML with the code
//! texts blanked out (its skeleton). Renderer output escapes `<` in text, so
//! every `<` in it opens a tag (ours or raw HTML let through).

#![allow(dead_code)]

use pulldown_cmark::{html, Options, Parser};

/// Markdown → HTML, raw HTML allowed, GFM tables on.
pub fn render(markdown: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, Options::ENABLE_TABLES));
    out
}

/// One start or end tag. A `<` that opens no plain tag (a comment, a
/// processing instruction, a declaration) comes back with its raw text as the
/// name, so that any check on names fails on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub closing: bool,
    pub attrs: Vec<(String, String)>,
}

/// Every tag of `html`, in order.
pub fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let closing = rest.starts_with('/');
        if closing {
            rest = &rest[1..];
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if name_len == 0 {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            out.push(Tag {
                name: format!("<{}", &rest[..end]),
                closing,
                attrs: Vec::new(),
            });
            rest = &rest[end..];
            continue;
        }
        let name = rest[..name_len].to_ascii_lowercase();
        rest = &rest[name_len..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() {
                break;
            }
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let n = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
                .unwrap_or(rest.len())
                .max(1);
            let attr = rest[..n].to_ascii_lowercase();
            rest = rest[n..].trim_start();
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix('=') {
                rest = after.trim_start();
                let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'');
                if let Some(q) = quote {
                    let end = rest[1..].find(q).map_or(rest.len(), |e| e + 1);
                    value = unescape(&rest[1..end]);
                    rest = rest.get(end + 1..).unwrap_or("");
                } else {
                    let end = rest
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(rest.len());
                    value = unescape(&rest[..end]);
                    rest = &rest[end..];
                }
            }
            attrs.push((attr, value));
        }
        out.push(Tag {
            name,
            closing,
            attrs,
        });
    }
    out
}

/// The text of every `<code>` element, entities decoded, in order.
pub fn code_texts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<code>") {
        rest = &rest[at + "<code>".len()..];
        let end = rest.find("</code>").unwrap_or(rest.len());
        out.push(unescape(&rest[..end]));
        rest = &rest[end..];
    }
    out
}

/// `html` with the text of every `<code>` element removed.
pub fn skeleton(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<code>") {
        out.push_str(&rest[..at + "<code>".len()]);
        rest = &rest[at + "<code>".len()..];
        let end = rest.find("</code>").unwrap_or(rest.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The elements our Markdown exports are made of.
pub const OUR_ELEMENTS: [&str; 12] = [
    "p", "strong", "em", "br", "table", "thead", "tbody", "tr", "th", "td", "code", "a",
];

/// The elements the insights section adds: its headings and its list.
pub const INSIGHTS_ELEMENTS: [&str; 4] = ["h3", "h4", "ul", "li"];

/// Problems with the tags of `html`: any element not in [`OUR_ELEMENTS`], any
/// attribute but a table cell's alignment, any link but one to `our_link`.
pub fn foreign_markup(html: &str, our_link: Option<&str>) -> Vec<String> {
    foreign_markup_allowing(html, our_link, &[])
}

/// [`foreign_markup`], with `extra` elements of ours allowed too.
pub fn foreign_markup_allowing(html: &str, our_link: Option<&str>, extra: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for tag in tags(html) {
        if !OUR_ELEMENTS.contains(&tag.name.as_str()) && !extra.contains(&tag.name.as_str()) {
            problems.push(format!("element {:?}", tag.name));
            continue;
        }
        for (attr, value) in &tag.attrs {
            let ok = match (tag.name.as_str(), attr.as_str()) {
                ("th" | "td", "style") => [
                    "text-align: left",
                    "text-align: right",
                    "text-align: center",
                ]
                .contains(&value.as_str()),
                ("a", "href") => our_link == Some(value.as_str()),
                _ => false,
            };
            if !ok {
                problems.push(format!("attribute {attr}={value:?} on <{}>", tag.name));
            }
        }
        if tag.name == "a" && !tag.closing && our_link.is_none() {
            problems.push("a link".to_string());
        }
    }
    problems
}

/// HTML character references as renderers write them in text and attributes.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let known = [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&#x27;", '\''),
        ];
        match known.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
