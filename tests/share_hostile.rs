//! Links that cannot be opened: each gives a `ShareError` whose message says
//! what is wrong, and nothing panics.

use layerdiff_core::share::{decode, encode, EncodeOptions, ShareError, SharedPair, SharedPane};

fn sample_state() -> SharedPair {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/corpus/000-course-3.1-backend-before-after.txt"
    ))
    .expect("demo fixture");
    SharedPair {
        before: SharedPane {
            label: "before".into(),
            text: text.clone(),
            selected: 0,
        },
        after: SharedPane {
            label: "after".into(),
            text,
            selected: 1,
        },
        ..SharedPair::default()
    }
}

fn valid_link() -> String {
    encode(&sample_state(), &EncodeOptions::default())
}

fn message(link: &str) -> String {
    match decode(link) {
        Ok(_) => panic!("link {link:?} was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn empty_links_say_there_is_nothing() {
    for link in [
        "",
        "#",
        "  # \n",
        "https://example.github.io/layerdiff/",
        "https://example.github.io/layerdiff/#",
    ] {
        assert_eq!(decode(link), Err(ShareError::Empty), "link {link:?}");
    }
    assert!(message("#").contains("holds no comparison"));
}

#[test]
fn a_link_from_a_newer_layerdiff_says_so() {
    let link = format!("#7{}", valid_link().get(1..).unwrap_or_default());
    assert_eq!(decode(&link), Err(ShareError::NewerVersion(7)));
    let text = message(&link);
    assert!(text.contains("newer layerdiff (version 7)"), "{text}");
}

#[test]
fn a_fragment_that_is_not_ours_says_so() {
    for link in ["#about", "#section-2", "https://x.org/page#top"] {
        assert_eq!(decode(link), Err(ShareError::NotALink), "link {link:?}");
    }
    assert!(message("#top").contains("not a layerdiff comparison link"));
}

#[test]
fn a_foreign_character_is_named_with_its_position() {
    let mut link = valid_link();
    link.insert(5, '!');
    assert_eq!(
        decode(&link),
        Err(ShareError::BadCharacter {
            position: 6,
            found: '!'
        })
    );
    assert!(
        message(&link).contains("character 6 is `!`"),
        "{}",
        message(&link)
    );
    let percent = format!("{}%20", valid_link());
    assert!(matches!(
        decode(&percent),
        Err(ShareError::BadCharacter { found: '%', .. })
    ));
}

#[test]
fn every_cut_of_a_link_is_reported_as_cut_short() {
    let link = valid_link();
    for n in 1..link.len() {
        let cut = link.get(..n).unwrap_or_default();
        assert_eq!(
            decode(cut),
            Err(ShareError::CutShort),
            "cut to {n} of {} characters",
            link.len()
        );
    }
    assert!(message(link.get(..40).unwrap_or_default()).contains("this link is cut short"));
}

#[test]
fn a_link_shortened_for_display_by_a_chat_app_is_cut_short() {
    let link = valid_link();
    let shown = format!(
        "https://example.github.io/layerdiff/#{}…",
        link.get(..60).unwrap_or_default()
    );
    assert_eq!(decode(&shown), Err(ShareError::CutShort));
}

#[test]
fn every_changed_character_is_caught_or_harmless() {
    let link = valid_link();
    let state = sample_state();
    let opened = decode(&link).expect("valid link opens");
    for (i, c) in link.char_indices().skip(1) {
        for replacement in ['A', 'z', '0', '-'] {
            if replacement == c {
                continue;
            }
            let mut changed = link.clone();
            changed.replace_range(i..i + c.len_utf8(), &replacement.to_string());
            match decode(&changed) {
                // Only the unused low bits of the last character can change harmlessly.
                Ok(s) => assert_eq!(s, opened, "change at {i} opened a different comparison"),
                Err(e) => assert!(
                    matches!(
                        e,
                        ShareError::Damaged | ShareError::CutShort | ShareError::TooLarge { .. }
                    ),
                    "change at {i}: {e:?}"
                ),
            }
        }
    }
    assert_eq!(opened.before.label, state.before.label);
}

#[test]
fn a_damaged_link_says_it_does_not_check_out() {
    let link = valid_link();
    let mid = link.len() / 2;
    let c = link.as_bytes().get(mid).copied().unwrap_or(b'A');
    let mut changed = link.clone();
    changed.replace_range(mid..mid + 1, if c == b'Q' { "R" } else { "Q" });
    let text = message(&changed);
    assert!(
        text.starts_with("this link is damaged") || text.starts_with("this link is cut short"),
        "{text}"
    );
}

#[test]
fn a_link_that_unpacks_to_more_than_the_cap_is_refused() {
    let huge = SharedPair {
        before: SharedPane {
            text: "a".repeat(3 * 1024 * 1024),
            ..SharedPane::default()
        },
        ..SharedPair::default()
    };
    let link = encode(&huge, &EncodeOptions::default());
    assert!(
        link.len() < 20_000,
        "a bomb is small: {} characters",
        link.len()
    );
    assert_eq!(
        decode(&link),
        Err(ShareError::TooLarge {
            limit: 2 * 1024 * 1024
        })
    );
    assert!(message(&link).contains("more than 2 MiB"));
}

#[test]
fn whole_urls_wrapped_links_and_standard_base64_are_accepted() {
    let link = valid_link();
    let state = decode(&link).expect("valid link opens");
    let url = format!("https://example.github.io/layerdiff/#{link}");
    assert_eq!(decode(&url).as_ref(), Ok(&state));
    assert_eq!(decode(&format!("<{url}>")).as_ref(), Ok(&state));
    let (a, b) = link.split_at(link.len() / 2);
    assert_eq!(
        decode(&url.replace(&link, &format!("{a}\n  {b}"))).as_ref(),
        Ok(&state)
    );
    let standard = link.replace('-', "+").replace('_', "/");
    assert_eq!(decode(&standard).as_ref(), Ok(&state));
}

#[test]
fn states_at_the_format_limits_still_make_links_that_open() {
    // A selected index past the last history, and a history longer than a
    // link may carry as parsed rows: both still open.
    let row = "<missing>      2 days ago    RUN /bin/sh -c x # buildkit                     0B        buildkit.dockerfile.v0\n";
    let text = format!(
        "IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n{}",
        row.repeat(10_001)
    );
    let state = SharedPair {
        before: SharedPane {
            label: "long".into(),
            text,
            selected: 0,
        },
        after: SharedPane {
            label: "far".into(),
            text: "x".into(),
            selected: usize::MAX,
        },
        ..SharedPair::default()
    };
    let back = decode(&encode(&state, &EncodeOptions::default())).expect("opens");
    assert_eq!(back.before.text, state.before.text);
    assert_eq!(back.after.selected, 10_000);
}

#[test]
fn links_as_apps_pass_them_on_still_open() {
    let link = valid_link();
    let state = decode(&link).expect("valid link opens");
    let url = format!("https://example.github.io/layerdiff/#{link}");
    let encoded_url = url
        .replace(':', "%3A")
        .replace('/', "%2F")
        .replace('#', "%23");
    let forms = [
        format!("see {url}."),
        format!("({url})"),
        format!("<{url}|the comparison>"),
        format!("https://eur01.safelinks.protection.outlook.com/?url={encoded_url}&data=05%7C02&reserved=0"),
    ];
    for form in forms {
        assert_eq!(decode(&form).as_ref(), Ok(&state), "{form}");
    }
}
