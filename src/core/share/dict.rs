//! The preset deflate dictionary of version 1 links: words that `docker
//! history` outputs share, so that even a short link can copy them instead of
//! spelling them out (see `deflate.rs` for how the dictionary is used).
//!
//! **Frozen with version 1**: every v1 link was compressed against exactly
//! these bytes; changing one byte changes what old links decode to. A better
//! dictionary needs a new link version.
//!
//! Deflate codes nearer matches with fewer bits, so the most common words come
//! last. Checked by `link_lengths` (examples/) to pay for itself on the corpus.

/// Version 1's dictionary (UTF-8 text, under 2 KiB).
pub const V1: &str = concat!(
    "IMAGE               CREATED             CREATED BY                                      SIZE                COMMENT\n",
    "ID            CREATED       CREATED BY                                     SIZE        COMMENT\n",
    "SNAPSHOT CREATED AT docker image history --no-trunc --human=false $ docker history ",
    "{\"Comment\":\"\",\"CreatedAt\":\"\",\"CreatedBy\":\"\",\"CreatedSince\":\"\",\"ID\":\"\\u003cmissing\\u003e\",\"Size\":\"",
    "Imported from - debuerreotype 0.17 # debian.sh --arch 'amd64' out/ 'bookworm' '@1",
    "FROM docker.io/library/ Less than a second ago About an hour ago N/A ",
    "years ago months ago weeks ago hours ago minutes ago seconds ago About a minute ago ",
    "ADD alpine-minirootfs-3. ADD rootfs.tar.xz / ADD file: in / COPY dir: COPY multi: COPY file: in /app ",
    "LABEL maintainer= org.opencontainers.image. USER node USER root STOPSIGNAL SIGTERM ",
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin ENV LANG=C.UTF-8 ",
    "ENV NODE_VERSION= ENV YARN_VERSION= ENV PYTHON_VERSION= ENV GPG_KEY= ENV JAVA_HOME=/opt/java/openjdk ",
    "ENTRYPOINT [\"docker-entrypoint.sh\"] ENTRYPOINT [\"/docker-entrypoint.sh\"] ",
    "CMD [\"python3\"] CMD [\"nginx\" \"-g\" \"daemon off;\"] CMD [\"npm\" \"start\"] CMD [\"node\" \"index.js\"] ",
    "set -eux; apt-get update && apt-get install -y --no-install-recommends rm -rf /var/lib/apt/lists/* ",
    "apk add --no-cache pip install --no-cache-dir -r requirements.txt npm install npm ci --only=production ",
    "go build -o mkdir -p echo ' && groupadd --gid 1000 node && useradd --uid 1000 --gid node ",
    "RUN |1 RUN |2 TARGETOS=linux TARGETARCH=amd64 RUN [\"/bin/sh\" \"-c\" \"",
    "COPY --from= COPY --chown=node:node COPY --chmod=755 COPY package*.json ./ COPY . . ",
    "WORKDIR /usr/src/app WORKDIR /app EXPOSE 8080 EXPOSE map[3000/tcp:{}] EXPOSE [80/tcp] ",
    "ARG TARGETARCH ARG VERSION= ENV ",
    "CMD [\"/bin/bash\"] CMD [\"/bin/sh\"] CMD [\"node\"] CMD [\"/bin/sh\" \"-c\" \"",
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
