//! `cargo xtask`: the project's one task runner.
//!
//! - `build`  — the two wasm32 modules (the in-page one, and the popup's and worker's), each
//!   through wasm-bindgen (pinned by Cargo.lock) and wasm-opt, held to its size budget; `dist/`
//!   (the Chromium and the Firefox builds).
//! - `test`   — fmt, clippy and docs (native and wasm32), cargo test, build, web-ext lint, the
//!   browser suites (Chromium and Firefox).
//! - `demo`   — build, then drive Chromium (`--firefox`: Firefox) with the extension over the
//!   demo pages; screenshots.
//! - `bench-wasm` — build, then time `lint` in Node over the fixture messages, and against
//!   write-good and harper.js (`benches/compare`).

mod firefox;
mod glue;
mod imports;
mod size;

use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const WASM_TARGET: &str = "wasm32-unknown-unknown";

fn main() {
    if let Err(e) = run() {
        eprintln!("xtask: error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    std::env::set_current_dir(&root)?;
    let command = args.first().map(String::as_str);
    let flags = args.get(1..).unwrap_or(&[]);
    let allowed: &[&str] = match command {
        Some("test") => &["--no-e2e"],
        Some("demo") => &["--headed", "--firefox"],
        _ => &[],
    };
    if let Some(unknown) = flags.iter().find(|f| !allowed.contains(&f.as_str())) {
        eprintln!("{USAGE}");
        bail!("unknown option `{unknown}` for `{}`", command.unwrap_or(""));
    }
    let has = |flag: &str| flags.iter().any(|a| a == flag);
    match command {
        Some("build") => build(&root).map(|_| ()),
        Some("test") => test(&root, has("--no-e2e")),
        Some("demo") if has("--firefox") => demo_firefox(&root),
        Some("demo") => demo(&root, has("--headed")),
        Some("bench-wasm") => bench_wasm(&root),
        _ => {
            eprintln!("{USAGE}");
            bail!("unknown or missing command")
        }
    }
}

const USAGE: &str = "usage: cargo xtask <build | test [--no-e2e] | demo [--headed | --firefox] | bench-wasm>\n\
  build       the extension (dist/extension, dist/extension-firefox, dist/*.zip); fails over a size budget\n\
  test        fmt, clippy, docs, unit tests, build, web-ext lint, the browser suites (--no-e2e: without them)\n\
  demo        build, then show the extension on the demo pages (--headed: in a window; --firefox: in Firefox)\n\
  bench-wasm  build, then time the WebAssembly API in Node";

fn project_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

fn step(name: &str) {
    eprintln!("\n\x1b[1m==> {name}\x1b[0m");
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn run_cmd(cmd: &mut Command) -> Result<()> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .with_context(|| format!("could not start {shown}"))?;
    if !status.success() {
        bail!("{shown} failed ({status})");
    }
    Ok(())
}

fn ensure_wasm_target() -> Result<()> {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    match out {
        Ok(out)
            if String::from_utf8_lossy(&out.stdout)
                .lines()
                .any(|l| l.trim() == WASM_TARGET) =>
        {
            Ok(())
        }
        Ok(_) => {
            step("installing the wasm32 target");
            run_cmd(Command::new("rustup").args(["target", "add", WASM_TARGET]))
        }
        // No rustup: trust that the toolchain has the target; cargo will say so if not.
        Err(_) => Ok(()),
    }
}

/// What a build made.
struct BuildOutput {
    /// wasm-bindgen's output: `followup.js` (the popup's and worker's module, with the JS API)
    /// and `content.js` (the in-page module's classic-script glue), each with its `_bg.wasm`.
    pkg: PathBuf,
    zip: PathBuf,
    /// The unpacked Firefox build (`dist/extension-firefox`).
    firefox: PathBuf,
}

fn build(root: &Path) -> Result<BuildOutput> {
    ensure_wasm_target()?;
    if Command::new("npm").arg("--version").output().is_ok() {
        ensure_build_tools(root)?;
    }
    let pkg = root.join("pkg");
    let _ = std::fs::remove_dir_all(&pkg);
    std::fs::create_dir_all(&pkg)?;
    let wasm_opt = find_wasm_opt(root);
    if wasm_opt.is_none() {
        eprintln!("no wasm-opt >= {MIN_WASM_OPT} (npm `binaryen` in xtask/npm): skipping size optimisation");
    }
    let mut built = Vec::new();
    for module in size::MODULES {
        built.push(build_module(root, &pkg, module, wasm_opt.as_deref())?);
    }

    step("assembling dist/extension");
    let dist = root.join("dist");
    let ext = dist.join("extension");
    let _ = std::fs::remove_dir_all(&ext);
    copy_dir(&root.join("extension"), &ext)?;
    std::fs::create_dir_all(ext.join("pkg"))?;
    for module in size::MODULES {
        let glue = pkg.join(format!("{}.js", module.name));
        let wasm = pkg.join(format!("{}_bg.wasm", module.name));
        let glue = glue::without_comments(&std::fs::read_to_string(glue)?)?;
        if module.classic {
            std::fs::write(
                ext.join(CONTENT_CORE),
                content_core(&glue, &std::fs::read(wasm)?)?,
            )?;
        } else {
            let to = ext.join("pkg");
            std::fs::write(to.join(format!("{}.js", module.name)), glue)?;
            std::fs::copy(wasm, to.join(format!("{}_bg.wasm", module.name)))?;
        }
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ext.join("manifest.json"))?)
            .context("extension/manifest.json is not valid JSON")?;
    let version = manifest["version"].as_str().unwrap_or("0.0.0").to_string();
    let zip_path = dist.join(format!("interview-followup-{version}.zip"));
    write_zip(&ext, &zip_path)?;

    step("assembling dist/extension-firefox");
    let firefox = dist.join("extension-firefox");
    let _ = std::fs::remove_dir_all(&firefox);
    copy_dir(&ext, &firefox)?;
    std::fs::write(
        firefox.join("manifest.json"),
        serde_json::to_string_pretty(&firefox::manifest(&manifest)?)? + "\n",
    )?;
    let firefox_zip = dist.join(format!("interview-followup-{version}-firefox.zip"));
    write_zip(&firefox, &firefox_zip)?;

    let zip_len = std::fs::metadata(&zip_path)?.len();
    let firefox_zip_len = std::fs::metadata(&firefox_zip)?.len();
    eprintln!();
    for b in &built {
        eprintln!(
            "  {}: {} raw, {} gzipped (budget {})",
            rel(root, &b.wasm),
            kb(b.raw_len),
            kb(b.gz),
            kb(b.module.budget),
        );
    }
    eprintln!(
        "  {}: {} (budget {})\n  {}: {} (budget {})",
        rel(root, &zip_path),
        kb(zip_len),
        kb(size::ZIP_BUDGET),
        rel(root, &firefox_zip),
        kb(firefox_zip_len),
        kb(size::ZIP_BUDGET),
    );
    size::check(&built, zip_len.max(firefox_zip_len))?;
    Ok(BuildOutput {
        pkg,
        zip: zip_path,
        firefox,
    })
}

/// The in-page module in `dist/extension`: a classic script the manifest lists before the
/// loader ([`content_core`]).
const CONTENT_CORE: &str = "content-core.js";

/// The in-page module as a classic script: one function, `followupLoad()`, that returns the
/// module's glue (wasm-bindgen `--target no-modules`) and its bytes, deflated (raw DEFLATE, as
/// the browser's `DecompressionStream('deflate-raw')` reads it) and written in base64. The module
/// arrives with the content script, so starting it asks nothing of the extension, and the
/// extension has no file a page could load; wrapped in a function that only the loader's start
/// calls, the glue is not run and the bytes' string is not made in a tab where nobody writes
/// (DESIGN.md, "One module per context").
fn content_core(glue: &str, bytes: &[u8]) -> Result<String> {
    Ok(format!(
        "// Generated by `cargo xtask build`: the in-page WebAssembly module, its glue and its bytes.\n\
         function followupLoad() {{\n{glue}\nreturn [followupCore, '{}'];\n}}\n",
        packed(bytes)?
    ))
}

/// `bytes` deflated and in base64: a string a JS engine parses without an escape and decodes
/// without a loop (`Uint8Array.fromBase64`), about half as long as the bytes themselves, and
/// smaller gzipped in the package than one char per byte (DESIGN.md, "One module per context").
fn packed(bytes: &[u8]) -> Result<String> {
    use base64::Engine as _;
    // Zopfli with one iteration, as for the package (`write_zip`): 171.1 KB for today's module
    // against 179.5 KB from zlib's best level, for about a second of build.
    let mut deflated = Vec::new();
    zopfli::compress(
        zopfli::Options {
            iteration_count: std::num::NonZeroU64::MIN,
            ..Default::default()
        },
        zopfli::Format::Deflate,
        bytes,
        &mut deflated,
    )?;
    Ok(base64::engine::general_purpose::STANDARD.encode(deflated))
}

/// One context's module, built.
pub struct Built {
    module: &'static size::Module,
    /// The module as shipped (after wasm-bindgen and wasm-opt).
    wasm: PathBuf,
    raw_len: u64,
    gz: u64,
    /// The compiler's output, which still has function names (for the size report).
    unstripped: Vec<u8>,
}

/// Compiles one context's module (its feature alone, its profile), runs wasm-bindgen and
/// wasm-opt, and measures it.
fn build_module(
    root: &Path,
    pkg: &Path,
    module: &'static size::Module,
    wasm_opt: Option<&Path>,
) -> Result<Built> {
    step(&format!(
        "compiling the {} module for wasm32 (profile {})",
        module.feature, module.profile
    ));
    run_cmd(cargo().args([
        "rustc",
        "--lib",
        "--profile",
        module.profile,
        "--package",
        "followup",
        "--target",
        WASM_TARGET,
        "--no-default-features",
        "--features",
        module.feature,
        "--",
        "-C",
        &format!("link-arg=-zstack-size={}", module.stack),
        // 128-bit SIMD (in every browser the manifest allows: Chrome 91+, Firefox 89+): LLVM
        // moves 16-byte values with one load and store, and the modules come out smaller
        // (DESIGN.md, "Sizes are ratchets").
        "-C",
        "target-feature=+simd128",
    ]))?;
    let raw = target_dir(root)
        .join(WASM_TARGET)
        .join(module.profile)
        .join("followup.wasm");
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(&raw)
        .typescript(false)
        .out_name(module.name);
    if module.classic {
        bindgen
            .no_modules(true)?
            .no_modules_global("followupCore")?;
    } else {
        bindgen.web(true)?;
    }
    let mut output = bindgen
        .generate_output()
        .with_context(|| format!("wasm-bindgen failed on the {} module", module.feature))?;
    // The imports' hashed names shortened in the module and its glue (DESIGN.md, "Short
    // import names").
    let renames = imports::shorten(output.wasm_mut(), &format!("./{}_bg.js", module.name));
    output.emit(pkg)?;
    // Renamed in the file as written: `emit` re-indents the glue, so `Output::js()` is not it.
    let glue = pkg.join(format!("{}.js", module.name));
    let js = std::fs::read_to_string(&glue)?;
    let js = imports::rename_in_glue(&js, &renames)?;
    // Strings copied into the module in one `encodeInto` (DESIGN.md, "Strings into the module
    // in one call").
    std::fs::write(&glue, glue::pass_strings_whole(&js)?)?;
    let wasm = pkg.join(format!("{}_bg.wasm", module.name));
    // `FOLLOWUP_WASM_NAMES=1`: the module as the compiler left it, with its function names and
    // without wasm-opt's inlining, for a profiler (`node --cpu-prof`); the size check then reads
    // a larger module.
    let wasm_opt = wasm_opt.filter(|_| std::env::var_os("FOLLOWUP_WASM_NAMES").is_none());
    if let Some(opt) = wasm_opt {
        let tmp = pkg.join(format!("{}_bg.opt.wasm", module.name));
        run_cmd(
            Command::new(opt)
                .arg(module.wasm_opt)
                .args(WASM_OPT_FEATURES)
                // Custom sections no browser reads (the toolchain's names and versions, and the
                // features list this command already names): about 270 bytes a module.
                .args(["--strip-producers", "--strip-target-features"])
                .arg(&wasm)
                .arg("-o")
                .arg(&tmp),
        )?;
        std::fs::rename(&tmp, &wasm)?;
    }
    let bytes = std::fs::read(&wasm)?;
    Ok(Built {
        module,
        raw_len: bytes.len() as u64,
        gz: gzip_len(&bytes)?,
        wasm,
        unstripped: std::fs::read(&raw)?,
    })
}

/// Features Rust's wasm32 target emits by default, and SIMD, which the build turns on; binaryen
/// needs them named (older ones do not read the target-features section).
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-simd",
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Oldest binaryen that keeps wasm-bindgen's externref table intact (Debian's v108 breaks it:
/// "WebAssembly.Table.set(): Argument 1 is invalid for table").
const MIN_WASM_OPT: u32 = 116;

/// The npm `binaryen` from the committed lockfile, else a recent enough one on PATH.
fn find_wasm_opt(root: &Path) -> Option<PathBuf> {
    if std::env::var_os("FOLLOWUP_NO_WASM_OPT").is_some() {
        return None;
    }
    let npm = root.join("xtask/npm/node_modules/.bin/wasm-opt");
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("wasm-opt"))
            .find(|p| p.is_file())
    });
    [Some(npm), on_path]
        .into_iter()
        .flatten()
        .filter(|p| p.exists())
        .find(|p| {
            let version = wasm_opt_version(p);
            if version.is_some_and(|v| v < MIN_WASM_OPT) {
                eprintln!(
                    "ignoring {} (version {version:?} < {MIN_WASM_OPT})",
                    p.display()
                );
            }
            version.is_some_and(|v| v >= MIN_WASM_OPT)
        })
}

fn wasm_opt_version(path: &Path) -> Option<u32> {
    let out = Command::new(path).arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())?
        .parse()
        .ok()
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).display().to_string()
}

use size::kb;

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?.len() as u64)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), dest)?;
        }
    }
    Ok(())
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<std::io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if e.file_type()?.is_dir() {
            files_under(&e.path(), out)?;
        } else {
            out.push(e.path());
        }
    }
    Ok(())
}

fn write_zip(dir: &Path, zip_path: &Path) -> Result<()> {
    let mut files = Vec::new();
    files_under(dir, &mut files)?;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(zip_path)?);
    // Zopfli, one iteration (level 10): the same deflate any unzip reads, 4.6 % smaller than
    // level 6 on this package (508.0 → 485.3 KB when measured) for about a second more per zip;
    // more iterations saved 1.1 KB more at 13.
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(10));
    for f in files {
        let name = f.strip_prefix(dir)?.to_string_lossy().replace('\\', "/");
        zip.start_file(name, opts)?;
        zip.write_all(&std::fs::read(&f)?)?;
    }
    zip.finish()?;
    Ok(())
}

/// A browser for the end-to-end tests: `$var`, else Debian's package at `default`.
fn browser_path(var: &str, default: &str, package: &str) -> Result<PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        return Ok(PathBuf::from(p));
    }
    let p = PathBuf::from(default);
    if p.exists() {
        Ok(p)
    } else {
        bail!(
            "{package} is missing: the end-to-end tests need Debian's `{package}` at {default} \
             (`sudo apt-get install -y {package}`) or {var}=/path/to/it; `bash .ci/run` installs it"
        )
    }
}

fn chromium_path() -> Result<PathBuf> {
    browser_path("CHROMIUM", "/usr/bin/chromium", "chromium")
}

fn firefox_path() -> Result<PathBuf> {
    browser_path("FIREFOX", "/usr/bin/firefox-esr", "firefox-esr")
}

/// `root/dir`, with its npm packages installed from its committed lockfile (`npm ci`) when they
/// are missing or older than the lockfile (npm's record of what it installed,
/// `node_modules/.package-lock.json`, predates `package-lock.json`: a pulled change).
fn npm_packages(root: &Path, dir: &str) -> Result<PathBuf> {
    let path = root.join(dir);
    let modified = |p: PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let lock = modified(path.join("package-lock.json"));
    let installed = modified(path.join("node_modules").join(".package-lock.json"));
    let current = matches!((lock, installed), (Some(lock), Some(installed)) if installed >= lock);
    if !current {
        step(&format!("npm ci ({dir})"));
        run_cmd(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&path),
        )?;
    }
    Ok(path)
}

/// The build's own tools (binaryen), from `xtask/npm`.
fn ensure_build_tools(root: &Path) -> Result<()> {
    npm_packages(root, "xtask/npm").map(drop)
}

/// The browser suite's packages (playwright-core, axe-core), from `tests/e2e`.
fn ensure_node_modules(root: &Path) -> Result<PathBuf> {
    npm_packages(root, "tests/e2e")
}

/// `web-ext lint` (Mozilla's add-on linter, npm `web-ext` in `xtask/npm`) on the Firefox build:
/// fails on any error, prints every warning.
fn lint_firefox(root: &Path, dir: &Path) -> Result<()> {
    step("web-ext lint (dist/extension-firefox)");
    let bin = npm_packages(root, "xtask/npm")?.join("node_modules/.bin/web-ext");
    let out = Command::new(&bin)
        .args([
            "lint",
            "--output",
            "json",
            "--no-config-discovery",
            "--source-dir",
        ])
        .arg(dir)
        .output()
        .with_context(|| format!("could not run {}", bin.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let start = text.find('{').unwrap_or(0);
    let report: serde_json::Value = serde_json::from_str(&text[start..]).with_context(|| {
        format!(
            "web-ext lint printed no report: {}{}",
            text,
            String::from_utf8_lossy(&out.stderr)
        )
    })?;
    let list = |kind: &str| report[kind].as_array().cloned().unwrap_or_default();
    let (errors, warnings, notices) = (list("errors"), list("warnings"), list("notices"));
    for (kind, items) in [
        ("error", &errors),
        ("warning", &warnings),
        ("notice", &notices),
    ] {
        for item in items {
            eprintln!(
                "  {kind}: {} {} ({})",
                item["code"].as_str().unwrap_or("?"),
                item["message"].as_str().unwrap_or(""),
                item["file"].as_str().unwrap_or("manifest")
            );
        }
    }
    eprintln!(
        "  web-ext lint: {} errors, {} warnings, {} notices",
        errors.len(),
        warnings.len(),
        notices.len()
    );
    if !errors.is_empty() {
        bail!(
            "web-ext lint found {} errors in the Firefox build",
            errors.len()
        );
    }
    Ok(())
}

fn test(root: &Path, no_e2e: bool) -> Result<()> {
    let started = Instant::now();
    step("cargo fmt --check");
    run_cmd(cargo().args(["fmt", "--all", "--", "--check"]))?;
    step("clippy (native, all targets)");
    run_cmd(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    ensure_wasm_target()?;
    // Every context's features together, then each module's alone (what it is built with).
    let feature_sets = std::iter::once(None).chain(size::MODULES.iter().map(|m| Some(m.feature)));
    for features in feature_sets {
        step(&match features {
            None => "clippy (wasm32: the pure core and the web layer)".to_string(),
            Some(f) => format!("clippy (wasm32: the {f} module's features alone)"),
        });
        let mut cmd = cargo();
        cmd.args([
            "clippy",
            "--lib",
            "--package",
            "followup",
            "--target",
            WASM_TARGET,
        ]);
        if let Some(f) = features {
            cmd.args(["--no-default-features", "--features", f]);
        }
        run_cmd(cmd.args(["--", "-D", "warnings"]))?;
    }
    for target in [None, Some(WASM_TARGET)] {
        step(&format!(
            "cargo doc -D warnings ({})",
            target.unwrap_or("native")
        ));
        let mut cmd = cargo();
        cmd.args(["doc", "--no-deps", "--lib", "--package", "followup"])
            .env("RUSTDOCFLAGS", "-D warnings");
        if let Some(target) = target {
            cmd.args(["--target", target]);
        }
        run_cmd(&mut cmd)?;
    }
    step("cargo test");
    run_cmd(cargo().args(["test", "--workspace"]))?;
    if no_e2e {
        eprintln!("\nskipping the end-to-end suite (--no-e2e)");
        return Ok(());
    }
    let chromium = chromium_path()?;
    let firefox = firefox_path()?;
    let out = build(root)?;
    lint_firefox(root, &out.firefox)?;
    let e2e = ensure_node_modules(root)?;
    step("end-to-end tests (Chromium with Playwright, Firefox with Puppeteer)");
    run_cmd(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
            .arg("tests/")
            .current_dir(&e2e)
            .env("CHROMIUM", &chromium)
            .env("FIREFOX", &firefox)
            .env("FOLLOWUP_FIREFOX_EXTENSION", &out.firefox)
            .env("FOLLOWUP_EXTENSION", root.join("dist/extension"))
            .env("FOLLOWUP_PKG", &out.pkg)
            .env("FOLLOWUP_ZIP", &out.zip)
            // The native CLI `cargo test` just built, whose `lint --json` the JS API must match.
            .env(
                "FOLLOWUP_CLI",
                target_dir(root).join("debug").join("followup"),
            ),
    )?;
    compare_checkers(root, 7)?;
    time_modules(root)?;
    eprintln!("\nall checks passed in {:.0?}", started.elapsed());
    Ok(())
}

/// Cargo's target directory (`CARGO_TARGET_DIR`, else `target/` in the workspace).
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

fn demo(root: &Path, headed: bool) -> Result<()> {
    let chromium = chromium_path()?;
    build(root)?;
    let e2e = ensure_node_modules(root)?;
    step("demo: Chromium with the extension on the demo pages");
    let mut cmd = Command::new("node");
    cmd.arg("demo.mjs")
        .current_dir(&e2e)
        .env("CHROMIUM", &chromium)
        .env("FOLLOWUP_EXTENSION", root.join("dist/extension"))
        .env("FOLLOWUP_DEMO_OUT", root.join("dist/demo"));
    if headed {
        cmd.arg("--headed");
    }
    run_cmd(&mut cmd)
}

/// `cargo xtask demo --firefox`: the same store and pages in Firefox ESR (screenshots
/// `dist/demo/firefox-*.png`).
fn demo_firefox(root: &Path) -> Result<()> {
    let firefox = firefox_path()?;
    let out = build(root)?;
    let e2e = ensure_node_modules(root)?;
    step("demo: Firefox with the extension on the demo pages");
    run_cmd(
        Command::new("node")
            .arg("demo-firefox.mjs")
            .current_dir(&e2e)
            .env("FIREFOX", &firefox)
            .env("FOLLOWUP_FIREFOX_EXTENSION", &out.firefox)
            .env("FOLLOWUP_DEMO_OUT", root.join("dist/demo")),
    )
}

fn bench_wasm(root: &Path) -> Result<()> {
    build(root)?;
    time_modules(root)?;
    compare_checkers(root, 15)
}

/// Times `lint` of the bench message (against its 80 µs budget, a report) and `schedule` in
/// the built modules, in Node.
fn time_modules(root: &Path) -> Result<()> {
    step("WASM benchmark (Node): lint and schedule in the built modules");
    run_cmd(
        Command::new("node")
            .arg("bench-wasm.mjs")
            .current_dir(root.join("tests/e2e"))
            .env("FOLLOWUP_PKG", root.join("pkg")),
    )
}

/// Times our checker against write-good and harper.js on the same messages (a report).
fn compare_checkers(root: &Path, rounds: u32) -> Result<()> {
    let dir = npm_packages(root, "benches/compare")?;
    step("our checker against write-good and harper.js (Node, same messages, interleaved)");
    run_cmd(
        Command::new("node")
            .arg("compare.mjs")
            .current_dir(&dir)
            .env("FOLLOWUP_PKG", root.join("pkg"))
            .env("ROUNDS", rounds.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_script_carries_the_module_deflated_in_base64() {
        use base64::Engine as _;
        use std::io::Read as _;
        // Every byte value, runs that deflate well and a module's opening.
        let bytes: Vec<u8> = b"\0asm\x01\0\0\0"
            .iter()
            .copied()
            .chain((0..=255u8).cycle().take(5000))
            .chain(std::iter::repeat_n(0, 3000))
            .chain((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8))
            .collect();
        let script = content_core("let followupCore = 1;", &bytes).unwrap();
        let literal = script
            .strip_prefix("// Generated by `cargo xtask build`: the in-page WebAssembly module, its glue and its bytes.\nfunction followupLoad() {\nlet followupCore = 1;\nreturn [followupCore, '")
            .and_then(|rest| rest.strip_suffix("'];\n}\n"))
            .expect("one function returning the glue's global and one string");
        // Nothing a single-quoted literal would need to escape.
        assert!(literal
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)));
        let deflated = base64::engine::general_purpose::STANDARD
            .decode(literal)
            .unwrap();
        assert!(deflated.len() < bytes.len() / 2, "{}", deflated.len());
        let mut back = Vec::new();
        flate2::read::DeflateDecoder::new(&deflated[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, bytes);
    }
}
