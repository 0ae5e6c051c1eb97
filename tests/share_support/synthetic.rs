//! A synthetic paste of real shape and unreal length: `docker history
//! --no-trunc` tables of any number of layers, the same on every run. Shared
//! by `examples/bench_parse.rs` (parse speed) and `tests/share_roundtrip.rs`
//! (a large real comparison opens from a link well under the text budget).

use std::fmt::Write as _;

/// A deterministic pseudo-random 64-bit sequence (xorshift), so the
/// synthetic paste is the same on every run without a dependency.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn sha256_hex(&mut self) -> String {
        (0..4).fold(String::with_capacity(64), |mut hex, _| {
            let _ = write!(hex, "{:016x}", self.next());
            hex
        })
    }
}

/// One `docker history --no-trunc` table of `n_layers` rows, as docker 20.10
/// and later prints it: a full sha256 id on the top row and `<missing>` below
/// (as BuildKit builds show), full commands, and padded columns.
pub fn synthetic_no_trunc_history(n_layers: usize, seed: u64) -> String {
    let mut rng = Xorshift(seed | 1);
    let commands = [
        "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates curl git build-essential pkg-config libssl-dev && rm -rf /var/lib/apt/lists/* # buildkit",
        "COPY --chown=app:app ./src /app/src # buildkit",
        "/bin/sh -c #(nop)  ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1",
        "RUN |2 APP_HOME=/srv/app NODE_ENV=production /bin/sh -c npm ci --omit=dev && npm cache clean --force # buildkit",
        "/bin/sh -c #(nop) ADD file:4fc85b6c2b0b1b8e4c3a2ad9f7b5d1e0c9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4 in / ",
        "WORKDIR /app",
        "CMD [\"/usr/local/bin/server\" \"--listen\" \"0.0.0.0:8080\" \"--log-format\" \"json\"]",
    ];
    let sizes = [
        "0B", "1.05kB", "4.2MB", "112MB", "77.8MB", "0B", "0B", "12.3kB",
    ];
    let created = [
        "2 weeks ago",
        "3 months ago",
        "About an hour ago",
        "5 days ago",
    ];
    let width = commands.iter().map(|c| c.len()).max().unwrap_or(0) + 3;
    let mut out = format!(
        "{:<74}{:<21}{:<width$}{:<10}COMMENT\n",
        "IMAGE", "CREATED", "CREATED BY", "SIZE"
    );
    for layer_idx in 0..n_layers {
        let id = if layer_idx == 0 {
            format!("sha256:{}", rng.sha256_hex())
        } else {
            "<missing>".to_owned()
        };
        let pick = |len: usize, r: u64| (r % len.max(1) as u64) as usize;
        let command = commands
            .get(pick(commands.len(), rng.next()))
            .unwrap_or(&"");
        let size = sizes.get(pick(sizes.len(), rng.next())).unwrap_or(&"0B");
        let when = created.get(pick(created.len(), rng.next())).unwrap_or(&"");
        let comment = if layer_idx + 1 == n_layers {
            "Imported from -"
        } else {
            "buildkit.dockerfile.v0"
        };
        let _ = writeln!(
            out,
            "{id:<74}{when:<21}{command:<width$}{size:<10}{comment}"
        );
    }
    out
}
