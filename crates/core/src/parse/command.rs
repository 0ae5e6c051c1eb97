//! Reads a command line that runs `docker history` (or podman's, nerdctl's …)
//! out of a pasted line: after a prompt, `sudo`, `echo … &&`, inside inline
//! code. The command line frames a history (it ends the table before it) and
//! names it (`label.rs` takes the image and the telling flags).

/// Splits a shell line into words, honouring quotes and backticks.
pub fn shell_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                in_word = true;
            }
            None if c == '`' => {
                // Inline code: a command of its own.
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
                words.push("`".to_string());
            }
            None if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            None => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

/// A `… docker history IMAGE` command line: what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryCommand {
    /// The image argument, if the line has one (`back`, `foo:1.0`).
    pub image: Option<String>,
    /// Flags given (`--no-trunc`, `--human=false`, `--format …`): how it was
    /// printed, never part of a history's name.
    pub flags: Vec<String>,
}

/// Tools whose `history` subcommand prints a history; matched on the end of
/// a word so that prompts glued to the command (`~:docker`) and typos that
/// lose the first letter (`ocker`) still count. Lower case only: `Docker
/// history` in prose is not a command.
fn is_tool_word(word: &str) -> bool {
    let w = word
        .rsplit(['/', ':', '$', '>', '#'])
        .next()
        .unwrap_or(word);
    (w.ends_with("ocker") && !w.starts_with(char::is_uppercase))
        || w == "podman"
        || w == "nerdctl"
        || w == "buildah"
        || w == "pouch"
        || w == "finch"
}

/// Words that may stand before the command on its line: prompts (`$`,
/// `user@host:~$`, `19:09`, `root#`, `❯`, `➜  dir`), `sudo`, `time`.
fn is_prompt_word(word: &str, prev: Option<&str>) -> bool {
    word.contains(['$', '#', '@', ':', '>', '%', '❯', '➜', 'λ', '»'])
        || word.chars().all(|c| c.is_ascii_digit())
        || matches!(
            word,
            "sudo" | "time" | "command" | "exec" | "PS" | "then" | "do"
        )
        || (word.starts_with('(') && word.ends_with(')'))
        || (word.starts_with('[') && word.ends_with(']'))
        || prev.is_some_and(|p| p.contains('➜'))
}

fn is_separator(word: &str) -> bool {
    matches!(word, "&&" | ";" | "|" | "||" | "&" | "`")
}

/// Reads a command line that runs `docker history` / `docker image history` /
/// `podman history` / `nerdctl history` (after a prompt, `sudo`, `echo … &&`).
pub fn history_command(text: &str) -> Option<HistoryCommand> {
    if !text.contains("history") {
        return None;
    }
    let words = shell_words(text);
    let mut fresh = true;
    let mut pos = None;
    for (i, w) in words.iter().enumerate() {
        if is_separator(w) {
            fresh = true;
            continue;
        }
        // `!docker …` in a notebook cell runs a command wherever it stands.
        let bang = w.strip_prefix('!').is_some_and(is_tool_word);
        if (fresh || bang) && is_tool_word(w) {
            // `history` within the next words, with only `image` or global
            // flags (`-n k8s.io`) in between.
            let found = words
                .iter()
                .enumerate()
                .skip(i + 1)
                .take(4)
                .take_while(|(_, x)| {
                    x.as_str() == "history"
                        || x.as_str() == "image"
                        || x.starts_with('-')
                        || x.contains('.')
                })
                .find(|(_, x)| x.as_str() == "history")
                .map(|(j, _)| j);
            if found.is_some() {
                pos = found;
                break;
            }
        }
        let prev = i
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .map(String::as_str);
        if !is_prompt_word(w, prev) {
            fresh = false;
        }
    }
    let pos = pos?;
    let mut flags = Vec::new();
    let mut image = None;
    let mut it = words.iter().skip(pos + 1);
    while let Some(w) = it.next() {
        if matches!(w.as_str(), "|" | "||" | "&&" | ";" | ">" | "2>" | "&" | "`")
            || w.starts_with('|')
        {
            break;
        }
        if w.starts_with('-') {
            if matches!(w.as_str(), "--format" | "--platform" | "-f") {
                if let Some(v) = it.next() {
                    if v.contains(char::is_whitespace) {
                        flags.push(format!("{w} '{v}'"));
                    } else {
                        flags.push(format!("{w} {v}"));
                    }
                    continue;
                }
            }
            flags.push(w.clone());
            continue;
        }
        if image.is_none() {
            let clean = w.trim_end_matches(['`', ';', ',', ')']).to_string();
            if !clean.is_empty() {
                image = Some(clean);
            }
        }
    }
    Some(HistoryCommand { image, flags })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_command_lines() {
        let cmd = |t: &str| history_command(t).and_then(|c| c.image);
        assert_eq!(cmd("docker history back"), Some("back".into()));
        assert_eq!(
            cmd("$ docker image history --no-trunc foo:1.0"),
            Some("foo:1.0".into())
        );
        assert_eq!(
            cmd("➜  build docker image history local/image:local-test "),
            Some("local/image:local-test".into())
        );
        assert_eq!(
            cmd("root@iZf8z ~$ docker history 6bd6b6dd5444"),
            Some("6bd6b6dd5444".into())
        );
        assert_eq!(
            cmd("19:09 $ docker history ahojukka5/patientor-backend:latest "),
            Some("ahojukka5/patientor-backend:latest".into())
        );
        assert_eq!(
            cmd("bradsimpson@ ~:docker image history hello-world"),
            Some("hello-world".into())
        );
        assert_eq!(
            cmd("root# nerdctl -n k8s.io history busybox:1.28"),
            Some("busybox:1.28".into())
        );
        assert_eq!(
            cmd(r#"echo "=== opt layers ===" && docker history lab4/opt:1.0"#),
            Some("lab4/opt:1.0".into())
        );
        assert_eq!(
            cmd(r#"$ docker history --format "{{.ID}}: {{.CreatedSince}}" busybox"#),
            Some("busybox".into())
        );
        assert_eq!(
            cmd("docker image history example-frontend | grep RUN"),
            Some("example-frontend".into())
        );
        assert_eq!(
            cmd("ocker history basic-app-test"),
            Some("basic-app-test".into())
        );
        assert_eq!(
            cmd("`03:20:42 UTC`  `docker history onramp-api:naive`  (0.0 s)"),
            Some("onramp-api:naive".into())
        );
        assert_eq!(
            cmd("$ docker history avis20/cowsay:latest -H=false"),
            Some("avis20/cowsay:latest".into())
        );
        assert_eq!(cmd("`ubuntu@ubuntu-VM:~$ docker history"), None);
        assert!(history_command("`ubuntu@ubuntu-VM:~$ docker history").is_some());
        // flags say how it was printed, not which image it is
        assert_eq!(
            cmd(r#"$ docker history --format "{{.ID}}: {{.CreatedSince}}" busybox"#),
            Some("busybox".into())
        );
        assert!(history_command("## Docker history 分析").is_none());
        assert!(history_command("At this point, docker history is:").is_none());
        assert!(history_command("docker images").is_none());
    }
}
