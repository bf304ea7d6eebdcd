//! The `variorum` command as scripts use it: outputs and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_variorum"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn seed(name: &str) -> String {
    format!("{}/../seeds/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_subcommand_has_help_listing_its_options_and_exits_zero() {
    let comparing =
        ["--base", "--presplit", "--ignore-case", "--ignore-punctuation", "--ignore-whitespace", "--word-diffs"];
    let help = |args: &[&str]| {
        let out = run(args, "");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let top = help(&["--help"]);
    for word in ["compare", "align", "batch", "Exit codes"] {
        assert!(top.contains(word), "--help mentions {word}");
    }
    let compare = help(&["compare", "--help"]);
    assert!(comparing.iter().chain(&["--format"]).all(|o| compare.contains(o)), "{compare}");
    let batch = help(&["batch", "--help"]);
    assert!(
        comparing.iter().chain(&["--out", "--links", "--jobs"]).all(|o| batch.contains(o)),
        "batch takes compare's options too: {batch}"
    );
    let align = help(&["align", "--help"]);
    // Every setting of the aligner, listed from the struct itself.
    for setting in ["min_similarity", "evidence_weights", "evidence_threshold", "stem_chars", "exact_chain_max"] {
        assert!(align.contains(setting), "align --help lists {setting}");
    }
    assert_eq!(run(&["batch", "--frobnicate", "-"], "").status.code(), Some(2), "an unknown option is refused");
}

#[test]
fn batch_honours_the_options_of_compare() {
    let set =
        r#"{"id": 1, "versions": [{"name": "a", "text": "The PM spoke."}, {"name": "b", "text": "the PM spoke."}]}"#;
    let kinds = |args: &[&str]| {
        let out = run(args, set);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        line["report"]["pairs"][0]["links"][0]["ops"].as_array().unwrap().len()
    };
    assert!(kinds(&["batch", "-"]) > 1, "a change of case is a change");
    assert_eq!(kinds(&["batch", "-", "--ignore-case"]), 1, "all one equal run with --ignore-case");
}

#[test]
fn compare_json_is_the_report() {
    let out =
        run(&["compare", "--format", "json", &seed("000_115c95e8f421d9fb.txt"), &seed("001_2ccc05b562ed84b5.txt")], "");
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["schema_version"], 2);
    assert_eq!(report["documents"][0]["segments"].as_array().unwrap().len(), 29);
    assert!(!report["quotes"].as_array().unwrap().is_empty());
}

#[test]
fn compare_text_shows_word_changes() {
    let out = run(&["compare", &seed("cases/changed-number/a.txt"), &seed("cases/changed-number/b.txt")], "");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[-£33 million-]{+£30m+}"), "{text}");
    assert!(text.contains("DIFFERENT HEDGING"));
}

#[test]
fn exit_codes_tell_usage_from_input_from_files() {
    assert_eq!(run(&["compare"], "").status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(run(&["compare", "--format", "xml", "x"], "").status.code(), Some(2));
    let missing = run(&["compare", "/no/such/file.txt"], "");
    assert_eq!(missing.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /no/such/file.txt"));
    let base = run(&["compare", "--base", "5", &seed("000_115c95e8f421d9fb.txt")], "");
    assert_eq!(base.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&base.stderr).contains("base version 5 does not exist"));
    let bad_json = run(&["align", "--jsonl", "-"], "{not json}\n");
    assert_eq!(bad_json.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad_json.stderr).contains("-:1:"));
    assert_eq!(run(&["align", "--jsonl", "-", "--set", "colour=1"], "").status.code(), Some(2));
}

#[test]
fn align_writes_one_prediction_per_pair() {
    let input = concat!(
        r#"{"id": "p1", "a": ["The summit opened in London.", "It rained."], "b": ["It was sunny.", "The summit opened in London today."]}"#,
        "\n\n",
        r#"{"id": 7, "a": [], "b": ["Alone."]}"#,
        "\n"
    );
    let out = run(&["align", "--jsonl", "-"], input);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "p1");
    assert_eq!(lines[0]["pred"], serde_json::json!([[0, 1]]));
    assert_eq!(lines[0]["pred_groups"], serde_json::json!([[[0], [1]]]));
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["pred"], serde_json::json!([]));
}

#[test]
fn batch_writes_one_line_per_set_in_order_and_reports_a_bad_set_on_its_line() {
    let set = |id: &str, a: &str, b: &str| {
        serde_json::json!({"id": id, "versions": [{"name": "a", "text": a}, {"name": "b", "text": b}]}).to_string()
    };
    let mut input = Vec::new();
    for k in 0..30 {
        input.push(set(
            &format!("set{k}"),
            "Talks opened in London. More than 40 countries attend.",
            &format!("Talks opened in Paris. {k} countries attend."),
        ));
    }
    input.insert(7, r#"{"id": "bad", "versions": [{"name": "a", "txt": "typo"}]}"#.to_string());
    input.insert(9, "not json".to_string());
    let stdin = input.join("\n");
    for jobs in ["1", "2"] {
        let out = run(&["batch", "-", "--jobs", jobs], &stdin);
        assert_eq!(out.status.code(), Some(1), "a refused set makes the run exit 1, after all sets");
        let lines: Vec<serde_json::Value> =
            String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 32);
        assert_eq!(lines[0]["id"], "set0");
        assert_eq!(lines[31]["id"], "set29", "results come in input order");
        assert!(lines[7]["error"].as_str().unwrap().contains("unknown field `txt`"));
        assert_eq!(lines[7]["id"], "bad");
        assert!(lines[9]["error"].as_str().unwrap().starts_with("line 10:"));
        assert_eq!(lines[0]["report"]["pairs"][0]["links"].as_array().unwrap().len(), 2);
        assert!(String::from_utf8(out.stderr).unwrap().contains("2 of 32 sets were refused"));
    }
    // --links: only the tables, for each pair and each figure group.
    let out = run(
        &["batch", "-", "--links"],
        &set("one", "Crossings rose by 31% this year.", "Crossings rose by 40% this year."),
    );
    assert_eq!(out.status.code(), Some(0));
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["links"]["pairs"][0]["links"].as_array().unwrap().len(), 1);
    assert_eq!(line["links"]["numbers"][0]["disagreement"], "value");
    assert!(line.get("report").is_none());
}

#[test]
fn batch_reads_a_folder_of_story_folders() {
    let dir = std::env::temp_dir().join(format!("variorum-batch-{}", std::process::id()));
    for (story, texts) in [("a-story", ["One. Two.", "One. Three."]), ("b-story", ["Four.", "Four!"])] {
        std::fs::create_dir_all(dir.join(story)).unwrap();
        for (k, t) in texts.iter().enumerate() {
            std::fs::write(dir.join(story).join(format!("{k}.txt")), t).unwrap();
        }
    }
    let out = run(&["batch", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a-story", "b-story"]);
    std::fs::remove_dir_all(dir).unwrap();
}
