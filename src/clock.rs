//! Today's date, the one place the app reads the clock. It is refreshed when the app
//! comes back to the foreground, so a phone left open overnight shows the new day.

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// The local date now.
pub fn local_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// The moment now in UTC, to the second (the DTSTAMP of an exported calendar).
pub fn now_utc() -> NaiveDateTime {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_utc_full_year() as i32, now.get_utc_month() + 1, now.get_utc_date())
        .and_then(|day| day.and_hms_opt(now.get_utc_hours(), now.get_utc_minutes(), now.get_utc_seconds()))
        .unwrap_or_default()
}

/// Today's date, shared through context.
#[derive(Clone, Copy)]
pub struct Today(pub RwSignal<NaiveDate>);

impl Today {
    pub fn get(self) -> NaiveDate {
        self.0.get()
    }
}

pub fn provide_today() -> Today {
    let today = Today(RwSignal::new(local_today()));
    provide_context(today);
    let on_visible = Closure::<dyn FnMut()>::new(move || {
        let now = local_today();
        if today.0.get_untracked() != now {
            today.0.set(now);
        }
    });
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let _ = doc.add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
    }
    on_visible.forget();
    today
}

pub fn use_today() -> Today {
    expect_context::<Today>()
}
