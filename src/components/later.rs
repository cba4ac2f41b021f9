//! A long first render cut into several tasks.

use leptos::prelude::*;
use std::time::Duration;

/// Shows `children` one task after the page around it: the browser can paint and answer
/// a tap in between, instead of one long task for the whole page (what Lighthouse counts
/// as Total Blocking Time). For what comes below the first screen's top: nothing
/// already shown moves when it arrives.
#[component]
pub fn Later(children: Children) -> impl IntoView {
    let shown = RwSignal::new(false);
    set_timeout(move || _ = shown.try_set(true), Duration::ZERO);
    // Runs twice: nothing, then the children (`shown` changes once).
    let mut children = Some(children);
    move || shown.get().then(|| children.take().map(untrack))
}
