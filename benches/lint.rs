//! Benchmark: `lint` of fixture messages (SPEC §5: ≤ 0.1 ms for 200 words).
fn main() {
    divan::main();
}
