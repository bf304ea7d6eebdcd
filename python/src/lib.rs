//! `variorum._engine`: the core's `compare` for Python, one set at a time or
//! many in parallel, with the GIL released while the core works. The
//! friendlier surface (plain strings, Arrow batches, keyword options) is
//! `variorum/__init__.py`; this file only crosses the boundary.

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pythonize::{depythonize, pythonize};
use rayon::prelude::*;
use variorum::tabulate::tabulate;
use variorum::{CompareOptions, Document};

create_exception!(
    _engine,
    CompareError,
    PyValueError,
    "The core refused the versions; the message says why (too large, too many, no such base)."
);

fn options_from(options: Option<&Bound<'_, PyAny>>) -> PyResult<CompareOptions> {
    options.map_or(Ok(CompareOptions::default()), |o| {
        depythonize(o).map_err(|e| PyValueError::new_err(format!("options: {e}")))
    })
}

/// One set of versions (dicts with `name`, `text`, `published`, `sentences`)
/// compared; the report as dicts and lists, in the schema of docs/schema.md.
#[pyfunction]
#[pyo3(signature = (versions, options=None))]
fn compare<'py>(
    py: Python<'py>,
    versions: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let documents: Vec<Document> = depythonize(versions).map_err(|e| PyTypeError::new_err(format!("versions: {e}")))?;
    let options = options_from(options)?;
    let report =
        py.detach(|| variorum::compare(&documents, &options)).map_err(|e| CompareError::new_err(e.to_string()))?;
    Ok(pythonize(py, &report)?)
}

/// Many sets, given as Arrow-like columns: each set's number of versions
/// (`None` for a missing set) and every version's name, text and time, set
/// after set. Returns each set's result as JSON (the report, or with `links`
/// its tabulated links) and each set's error, one of the two `None`.
#[pyfunction]
#[pyo3(signature = (lengths, names, texts, published, links=false, options=None, jobs=None))]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn compare_columns(
    py: Python<'_>,
    lengths: Vec<Option<usize>>,
    names: Vec<Option<String>>,
    texts: Vec<Option<String>>,
    published: Vec<Option<String>>,
    links: bool,
    options: Option<&Bound<'_, PyAny>>,
    jobs: Option<usize>,
) -> PyResult<(Vec<Option<String>>, Vec<Option<String>>)> {
    let options = options_from(options)?;
    let total: usize = lengths.iter().flatten().sum();
    if [names.len(), texts.len(), published.len()].iter().any(|&n| n != total) {
        return Err(PyValueError::new_err(format!(
            "the sets hold {total} versions but {} names, {} texts and {} times were given",
            names.len(),
            texts.len(),
            published.len()
        )));
    }
    let sets = sets_from(&lengths, names, texts, published);
    let run = || -> Vec<Result<String, String>> {
        sets.into_par_iter()
            .map(|set| {
                let report = variorum::compare(&set?, &options).map_err(|e| e.to_string())?;
                let json =
                    if links { serde_json::to_string(&tabulate(&report)) } else { serde_json::to_string(&report) };
                json.map_err(|e| format!("cannot write the result: {e}"))
            })
            .collect()
    };
    // Every core through rayon's one global pool; a pool of its own only for a given number of threads.
    let outcomes = match jobs {
        None => py.detach(run),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyValueError::new_err(format!("cannot start threads: {e}")))?;
            py.detach(|| pool.install(run))
        }
    };
    Ok(outcomes.into_iter().map(|o| o.map_or_else(|e| (None, Some(e)), |r| (Some(r), None))).unzip())
}

/// The sets as the core takes them, or why one cannot be compared.
fn sets_from(
    lengths: &[Option<usize>],
    names: Vec<Option<String>>,
    texts: Vec<Option<String>>,
    published: Vec<Option<String>>,
) -> Vec<Result<Vec<Document>, String>> {
    let mut versions = names.into_iter().zip(texts).zip(published);
    lengths
        .iter()
        .map(|length| {
            let Some(length) = *length else { return Err("no versions: the set is null".to_string()) };
            let set: Vec<_> = versions.by_ref().take(length).collect();
            set.into_iter()
                .enumerate()
                .map(|(i, ((name, text), published))| {
                    let text = text.ok_or_else(|| format!("version {} has no text", i + 1))?;
                    Ok(Document { published, ..Document::new(name.unwrap_or_default(), text) })
                })
                .collect()
        })
        .collect()
}

#[pymodule]
fn _engine(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(compare_columns, m)?)?;
    m.add("CompareError", m.py().get_type::<CompareError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
