use variorum::{compare, CompareOptions, Document};
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let docs: Vec<Document> = ["000.txt", "001.txt"]
        .iter()
        .map(|f| Document::new(*f, std::fs::read_to_string(format!("{dir}/{f}")).unwrap()))
        .collect();
    let t = std::time::Instant::now();
    for _ in 0..50 {
        std::hint::black_box(compare(&docs, &CompareOptions::default()).unwrap());
    }
    eprintln!("{:?} per compare", t.elapsed() / 50);
}
