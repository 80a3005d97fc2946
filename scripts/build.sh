# The one debug build that the scripts and the test command share. Source
# this file, then call build_debug.
#
# It is what `cargo test --workspace --features auth-service/aws` builds:
# every package and target, with the AWS backend. Cargo unifies dependency
# features over the packages and targets a command selects, so a narrower
# command (one package, or no test targets) would compile the generated
# crate and auth-service again, with other features, into other artefacts.
build_debug() {
    cargo build --locked --quiet --workspace --all-targets --features auth-service/aws
}
