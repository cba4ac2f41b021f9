use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A group of radio buttons with a legend (and an optional hint), one option a row.
#[component]
pub fn Choices<T>(
    /// The radio group's name, unique in the page.
    name: &'static str,
    legend: Key,
    options: Vec<(T, Key)>,
    #[prop(into)] selected: Signal<T>,
    on_change: Callback<T>,
    #[prop(optional)] hint: Option<Key>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let hint_id = format!("{name}-hint");
    view! {
        <fieldset class="choices" aria-describedby=hint.map(|_| hint_id.clone())>
            <legend>{move || i18n.t(legend)}</legend>
            {hint.map(|key| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(key)}</p> })}
            {options
                .into_iter()
                .enumerate()
                .map(|(index, (value, label))| {
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name=name
                                value=index.to_string()
                                prop:checked=move || selected.get() == value
                                on:change=move |_| on_change.run(value)
                            />
                            <span>{move || i18n.t(label)}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
