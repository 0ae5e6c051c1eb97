//! The preset deflate dictionary of version 1 links: words that `docker
//! history` outputs share, so that even a short link can copy them instead of
//! spelling them out (see `deflate.rs` for how the dictionary is used).
//!
//! **Frozen with version 1**: every v1 link was compressed against exactly
//! these bytes; changing one byte changes what old links decode to. A better
//! dictionary needs a new link version.
//!
//! Deflate codes nearer matches with fewer bits, so the most common words come
//! last. Measured with `examples/link_lengths.rs`: over the corpus pairs the
//! links are about a fifth shorter with it than without (9.2k vs 11.3k
//! characters in total), and the demo goes from 774 to ~630 characters.

/// Version 1's dictionary (UTF-8 text, under 2 KiB).
pub const V1: &str = concat!(
    // Headers and framing, for pastes that travel as typed.
    "IMAGE               CREATED             CREATED BY                                      SIZE                COMMENT\n",
    "ID            CREATED       CREATED BY                                     SIZE        COMMENT\n",
    "SNAPSHOT CREATED AT docker image history --no-trunc --human=false $ docker history ",
    "{\"Comment\":\"\",\"CreatedAt\":\"\",\"CreatedBy\":\"\",\"CreatedSince\":\"\",\"ID\":\"\\u003cmissing\\u003e\",\"Size\":\"",
    "Less than a second ago About an hour ago years ago months ago weeks ago hours ago minutes ago seconds ago About a minute ago ",
    // Base images.
    "Imported from - debuerreotype 0.17 # debian.sh --arch 'amd64' out/ 'bookworm' '@1",
    "FROM docker.io/library/ ARG RELEASE ARG LAUNCHPAD_BUILD_ARCH LABEL org.opencontainers.image.ref.name=ubuntu ",
    "LABEL org.opencontainers.image.version= ADD file: in / CMD [\"bash\"] ",
    "ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / ADD rootfs.tar.xz / CMD [\"/bin/sh\"] ",
    // Official language images.
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin ENV LANG=C.UTF-8 ",
    "ENV NODE_VERSION= ENV YARN_VERSION= ENV PYTHON_VERSION= ENV PYTHON_SHA256= ENV GPG_KEY= ",
    "ENV GOLANG_VERSION= ENV GOPATH=/go ENV JAVA_HOME=/opt/java/openjdk ENV JAVA_VERSION= ",
    "ENTRYPOINT [\"docker-entrypoint.sh\"] ENTRYPOINT [\"/docker-entrypoint.sh\"] STOPSIGNAL SIGQUIT ",
    "CMD [\"nginx\" \"-g\" \"daemon off;\"] CMD [\"python3\"] CMD [\"node\"] CMD [\"/bin/bash\"] ",
    "set -eux; savedAptMark=\"$(apt-mark showmanual)\"; for src in idle3 pydoc3 python3 python3-config; ",
    "groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node ",
    // Common steps.
    "apt-get update && apt-get install -y --no-install-recommends && rm -rf /var/lib/apt/lists/* ",
    "apk add --no-cache pip install --no-cache-dir -r requirements.txt npm install npm ci --omit=dev ",
    "yarn install --frozen-lockfile go mod download CGO_ENABLED=0 go build -o mkdir -p echo ",
    "LABEL maintainer= org.opencontainers.image. USER node USER root USER appuser ",
    "RUN |1 RUN |2 TARGETOS=linux TARGETARCH=amd64 ARG TARGETARCH ARG VERSION= ",
    "COPY --from=builder COPY --chown=node:node COPY --chmod=755 COPY package*.json ./ COPY requirements.txt . ",
    "COPY dir: COPY multi: COPY file: in /app/ in /usr/src/app ",
    "WORKDIR /usr/src/app WORKDIR /app EXPOSE 8080 EXPOSE 3000 EXPOSE map[80/tcp:{}] EXPOSE [8080/tcp] ",
    "CMD [\"npm\" \"start\"] CMD [\"node\" \"index.js\"] CMD [\"/bin/sh\" \"-c\" \"",
    "COPY . . ENV ",
    "<missing>           <missing>      ",
    "   0B        buildkit.dockerfile.v0\n",
    " days ago buildkit.dockerfile.v0",
);

#[cfg(test)]
mod tests {
    #[test]
    fn fits_one_stored_block_and_the_deflate_window() {
        assert!(
            super::V1.len() < 4096,
            "dictionary is {} bytes",
            super::V1.len()
        );
    }
}
