// Temporary experiment: how alignment settings change links and time on big inputs.
use std::collections::HashSet;
use variorum::{compare, CompareOptions, Document};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = &args[1];
    let docs: Vec<Document> = ["000.txt", "001.txt"]
        .iter()
        .map(|f| Document::new(*f, std::fs::read_to_string(format!("{dir}/{f}")).unwrap()))
        .collect();
    let run = |sets: &[String]| {
        let mut o = CompareOptions::default();
        for s in sets {
            let (k, v) = s.split_once('=').unwrap();
            o.align.set(k, v).unwrap();
        }
        let mut times = vec![];
        let mut r = None;
        for _ in 0..5 {
            let t = std::time::Instant::now();
            r = Some(compare(&docs, &o).unwrap());
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let r = r.unwrap();
        let links: HashSet<(usize, usize)> =
            r.pairs[0].links.iter().flat_map(|l| l.a.iter().flat_map(|&i| l.b.iter().map(move |&j| (i, j)))).collect();
        (times[2], links)
    };
    let (t0, base) = run(&[]);
    println!("default: {t0:.1} ms, {} links", base.len());
    let (t1, other) = run(&args[2..]);
    let lost = base.difference(&other).count();
    let gained = other.difference(&base).count();
    println!("{:?}: {t1:.1} ms, {} links, lost {lost}, gained {gained}", &args[2..], other.len());
}
