//! The Timeline's list in the page: which rows are built, and the keyboard focus while
//! they change.

use super::model::{layout, next_window, overlap, window_rows_with, Layout, Model, RowHeights, ROWS_PER_FRAME};
use leptos::html;
use leptos::prelude::*;
use std::ops::Range;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where the list is: its element, the root font size, the rows' heights (read from the
/// CSS), the scroll position and the height in view, in px; and the rows' layout.
#[derive(Clone, Copy)]
pub(super) struct Geometry {
    pub list: NodeRef<html::Div>,
    rem_px: RwSignal<f64>,
    heights: RwSignal<RowHeights>,
    pub scroll_px: RwSignal<f64>,
    view_px: RwSignal<f64>,
    /// No rows before the list is measured and scrolled to its day: they would be built
    /// for the top of the list, and thrown away.
    measured: RwSignal<bool>,
    pub layout: Memo<Option<Arc<Layout>>>,
}

impl Geometry {
    pub(super) fn new(model: Memo<Option<Arc<Model>>>) -> Self {
        let heights = RwSignal::new(RowHeights::default());
        Geometry {
            list: NodeRef::new(),
            rem_px: RwSignal::new(16.0),
            heights,
            scroll_px: RwSignal::new(0.0),
            view_px: RwSignal::new(0.0),
            measured: RwSignal::new(false),
            layout: Memo::new(move |_| model.with(|m| m.as_ref().map(|m| Arc::new(layout(&m.rows, heights.get()))))),
        }
    }

    /// The rows in view, with `margin` rem around them (tracked).
    pub(super) fn window(self, margin: f64) -> Range<usize> {
        if !self.measured.get() {
            return 0..0;
        }
        self.layout.with(|l| match l {
            Some(l) => window_rows_with(&l.tops, self.scroll_px.get(), self.view_px.get(), self.rem_px.get(), margin),
            None => 0..0,
        })
    }

    /// Reads the sizes from the page (at start, and when the window is resized).
    pub(super) fn measure(self) {
        self.measured.set(true);
        self.rem_px.set(root_font_px());
        if let Some(el) = self.list.get_untracked() {
            let measured = web_sys::window().and_then(|w| w.get_computed_style(&el).ok().flatten()).map(|style| {
                let var = |name: &str| style.get_property_value(name).unwrap_or_default();
                RowHeights::parse(&var("--tl-period-h"), &var("--tl-week-h"))
            });
            self.heights.set(measured.unwrap_or_default());
            self.view_px.set(f64::from(el.client_height()));
            self.scroll_px.set(f64::from(el.scroll_top()));
        }
    }

    /// Scrolls the list so that day `n` shows, with the row above it.
    pub(super) fn scroll_to_day(self, model: Memo<Option<Arc<Model>>>, n: u32) {
        let Some(top) =
            model.with_untracked(|m| self.layout.with_untracked(|l| m.as_ref()?.scroll_target_rem(l.as_ref()?, n)))
        else {
            return;
        };
        if let Some(el) = self.list.get_untracked() {
            let px = top * self.rem_px.get_untracked();
            el.set_scroll_top(px.round() as i32);
            self.scroll_px.set(f64::from(el.scroll_top()));
        }
    }
}

fn root_font_px() -> f64 {
    let size = (|| {
        let window = web_sys::window()?;
        let root = window.document()?.document_element()?;
        let style = window.get_computed_style(&root).ok()??;
        style.get_property_value("font-size").ok()
    })();
    size.and_then(|s| s.trim_end_matches("px").trim().parse::<f64>().ok()).filter(|px| *px > 0.0).unwrap_or(16.0)
}

/// The rows in the page, following `range` (the rows to have, with their margin) a few at
/// a time: the `visible` rows at once, then [`ROWS_PER_FRAME`] more after each frame.
/// Rows come above the others one at a time, as <For> keeps the others in place only then.
pub(super) fn follow(range: Memo<Range<usize>>, visible: Memo<Range<usize>>) -> RwSignal<Range<usize>> {
    let shown = RwSignal::new(0..0_usize);
    // Each change of the range starts a new run; a run stops once another has started.
    let generation = StoredValue::new(0_u64);
    let grow = move || {
        let Some(run) = generation.try_update_value(|g| {
            *g += 1;
            *g
        }) else {
            return;
        };
        let current = move || generation.try_get_value() == Some(run);
        leptos::task::spawn_local(async move {
            while current() {
                let (Some(goal), Some(vis), Some(cur)) =
                    (range.try_get_untracked(), visible.try_get_untracked(), shown.try_get_untracked())
                else {
                    return;
                };
                if cur == goal {
                    return;
                }
                let next = next_window(cur.clone(), goal, vis, ROWS_PER_FRAME);
                let keep = overlap(&cur, &next);
                if keep.is_empty() {
                    shown.set(next);
                } else {
                    // Rows that go, then rows below, then rows above one by one.
                    if keep != cur {
                        shown.set(keep.clone());
                        leptos::task::tick().await;
                    }
                    if current() && next.end > keep.end {
                        shown.set(keep.start..next.end);
                        leptos::task::tick().await;
                    }
                    for start in (next.start..keep.start).rev() {
                        if !current() {
                            return;
                        }
                        shown.set(start..next.end);
                        leptos::task::tick().await;
                    }
                }
                // After the next frame is drawn.
                let frame = js_sys::Promise::new(&mut |resolve, _| {
                    request_animation_frame(move || {
                        set_timeout(
                            move || {
                                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                            },
                            std::time::Duration::ZERO,
                        )
                    })
                });
                let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
            }
        });
    };
    Effect::new(move |_| {
        range.track();
        visible.track();
        grow();
    });
    shown
}

/// Leptos' <For> takes out and puts back every row it keeps when more than one row is
/// added above them (rows above are added one at a time for that, below) or when rows go
/// above and come below at once, and a button taken out of the page loses the keyboard
/// focus: while the rows change, a day that loses the focus to nothing gets it back.
#[derive(Clone, Copy)]
pub(super) struct FocusKeeper {
    rows_changing: StoredValue<bool>,
}

impl FocusKeeper {
    pub(super) fn new() -> Self {
        FocusKeeper { rows_changing: StoredValue::new(false) }
    }

    /// The rows are about to change (until the microtasks that follow).
    pub(super) fn rows_change(self) {
        self.rows_changing.set_value(true);
        queue_microtask(move || self.rows_changing.set_value(false));
    }

    /// A `focusout` on the list: `to_another` when the focus went to another element.
    pub(super) fn focus_out(self, to_another: bool, target: Option<web_sys::EventTarget>) {
        if !self.rows_changing.get_value() || to_another {
            return;
        }
        let Some(day) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
        queue_microtask(move || {
            let doc = document();
            let lost = doc.active_element().is_none_or(|a| doc.body().is_some_and(|b| a == *b.as_ref()));
            if lost && day.is_connected() {
                let _ = day.focus();
            }
        });
    }
}
