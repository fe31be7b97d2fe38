//! Benchmark: `schedule` over 1,000 interviews (SPEC §5: ≤ 5 ms).
fn main() {
    divan::main();
}
