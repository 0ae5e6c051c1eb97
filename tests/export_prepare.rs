//! `core::export::prepare`, natively: for each export of a pair and of a
//! path, the file the page saves and what it holds: the request the second
//! module answers (with every history masked when the user chose to mask
//! secrets) or the chart drawn from the masked histories, compared again.

use layerdiff_core::chart::{chart_data, path_svg, render_svg, ChartOptions};
use layerdiff_core::compare::compare;
use layerdiff_core::compare::path::compare_path;
use layerdiff_core::export::{prepare, Download, ExportChoices, ExportKind, Shown, PNG_SCALE};
use layerdiff_core::extras::{answer, Request};
use layerdiff_core::model::History;
use layerdiff_core::parse::parse;
use layerdiff_core::redact::{find_secrets, mask};

const SECRET: &str = "s3cr3tT0kenValue42";

fn history(label: &str, rows: &[(&str, &str)]) -> History {
    let mut text = String::from("IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT\n");
    for (cmd, size) in rows {
        text.push_str(&format!(
            "<missing>      2 weeks ago    {cmd:<46}  {size:<8}  \n"
        ));
    }
    let mut h = parse(&text)
        .histories
        .into_iter()
        .next()
        .expect("a history");
    h.label = label.to_string();
    h
}

fn steps() -> Vec<History> {
    let root = ("/bin/sh -c #(nop) ADD file:aaaa in /", "80MB");
    vec![
        history(
            "v1",
            &[
                ("/bin/sh -c npm install", "300MB"),
                (&format!("/bin/sh -c GIT_TOKEN={SECRET} make"), "1kB"),
                root,
            ],
        ),
        history("v2", &[("/bin/sh -c npm ci", "200MB"), root]),
        history("v3", &[("/bin/sh -c npm ci --omit=dev", "20MB"), root]),
    ]
}

fn masked(h: &History) -> History {
    mask(h, &find_secrets(h))
}

fn options(dark: bool) -> ChartOptions {
    ChartOptions {
        dark,
        ..ChartOptions::default()
    }
}

const MASK: ExportChoices = ExportChoices {
    redact: true,
    dark: false,
};

#[test]
fn the_fixture_holds_a_secret_that_masking_removes() {
    let s = steps();
    assert!(s[0].layers.iter().any(|l| l.created_by.contains(SECRET)));
    assert!(!masked(&s[0])
        .layers
        .iter()
        .any(|l| l.created_by.contains(SECRET)));
}

#[test]
fn a_pair_asks_the_second_module_for_its_text_exports() {
    let s = steps();
    let pair = Shown::Pair {
        before: &s[0],
        after: &s[1],
    };
    let link = "https://example.org/#x".to_string();
    assert_eq!(
        prepare(ExportKind::Markdown { link: link.clone() }, pair, MASK),
        Some(Download::Ask {
            request: Request::PairMarkdown {
                before: masked(&s[0]),
                after: masked(&s[1]),
                link,
            },
            file: "layerdiff-comparison.md",
            mime: "text/markdown;charset=utf-8",
        })
    );
    // unmasked when the user chose so
    assert_eq!(
        prepare(ExportKind::Json, pair, ExportChoices::default()),
        Some(Download::Ask {
            request: Request::PairJson {
                before: s[0].clone(),
                after: s[1].clone(),
            },
            file: "layerdiff-comparison.json",
            mime: "application/json",
        })
    );
}

#[test]
fn a_masked_export_carries_no_secret_once_answered() {
    let s = steps();
    let pair = Shown::Pair {
        before: &s[0],
        after: &s[1],
    };
    let path = Shown::Path {
        steps: &s,
        compared: (0, 1),
    };
    for shown in [pair, path] {
        for kind in [ExportKind::Markdown { link: "L".into() }, ExportKind::Json] {
            let Some(Download::Ask { request, .. }) = prepare(kind.clone(), shown, MASK) else {
                panic!("{kind:?} is asked of the second module");
            };
            let json = serde_json::to_string(&request).expect("a request is JSON");
            let text = String::from_utf8(answer(&json).expect("an answer")).expect("UTF-8");
            assert!(!text.contains(SECRET), "{kind:?}: {text}");
            assert!(text.contains("GIT_TOKEN"), "{kind:?}: {text}");
        }
    }
}

#[test]
fn a_pair_chart_is_drawn_from_the_masked_histories_compared_again() {
    let s = steps();
    let pair = Shown::Pair {
        before: &s[0],
        after: &s[1],
    };
    let (b, a) = (masked(&s[0]), masked(&s[1]));
    let dark = ExportChoices {
        redact: true,
        dark: true,
    };
    let svg = render_svg(&chart_data(&compare(&b, &a), &b, &a), &options(true));
    assert_eq!(
        prepare(ExportKind::Svg, pair, dark),
        Some(Download::Text {
            text: svg.clone(),
            file: "layerdiff-chart.svg",
            mime: "image/svg+xml",
        })
    );
    assert_eq!(
        prepare(ExportKind::Png, pair, dark),
        Some(Download::Png {
            svg,
            width: options(true).width,
            height: options(true).height,
            scale: PNG_SCALE,
            file: "layerdiff-chart.png",
        })
    );
    // the theme is the user's
    let light = prepare(ExportKind::Svg, pair, MASK);
    assert_ne!(light, prepare(ExportKind::Svg, pair, dark));
}

#[test]
fn a_path_exports_every_step_and_says_which_pair_is_compared() {
    let s = steps();
    let path = Shown::Path {
        steps: &s,
        compared: (2, 1),
    };
    let all: Vec<History> = s.iter().map(masked).collect();
    assert_eq!(
        prepare(ExportKind::Markdown { link: "L".into() }, path, MASK),
        Some(Download::Ask {
            request: Request::PathMarkdown {
                steps: all.clone(),
                before_step: 2,
                after_step: 1,
                link: "L".into(),
            },
            file: "layerdiff-path.md",
            mime: "text/markdown;charset=utf-8",
        })
    );
    assert_eq!(
        prepare(ExportKind::Json, path, MASK),
        Some(Download::Ask {
            request: Request::PathJson { steps: all.clone() },
            file: "layerdiff-path.json",
            mime: "application/json",
        })
    );
    let refs: Vec<&History> = all.iter().collect();
    let p = compare_path(&refs).expect("a path");
    let svg = path_svg(&p, &refs, &options(false));
    assert_eq!(
        prepare(ExportKind::Svg, path, MASK),
        Some(Download::Text {
            text: svg.clone(),
            file: "layerdiff-path-chart.svg",
            mime: "image/svg+xml",
        })
    );
    assert_eq!(
        prepare(ExportKind::Png, path, MASK),
        Some(Download::Png {
            svg,
            width: options(false).width,
            height: options(false).height,
            scale: PNG_SCALE,
            file: "layerdiff-path-chart.png",
        })
    );
}

#[test]
fn a_path_that_cannot_be_compared_has_no_chart_to_save() {
    let s = steps();
    let nine: Vec<History> = (0..9).map(|k| s[k % 3].clone()).collect();
    let path = Shown::Path {
        steps: &nine,
        compared: (0, 1),
    };
    assert_eq!(prepare(ExportKind::Svg, path, MASK), None);
    assert_eq!(prepare(ExportKind::Png, path, MASK), None);
    // the text exports are still asked; the second module says why not
    assert!(matches!(
        prepare(ExportKind::Json, path, MASK),
        Some(Download::Ask { .. })
    ));
}
