//! The full app's screens: the start screen (start/), the form and the
//! studio, and the form alone for a page that embeds it.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wengao::draft::Draft;

use crate::action::{self, Action, OPEN, STUDIO};
use crate::form::{Editor, Place};
use crate::perform::{perform, Screens};
use crate::session::Opened;
use crate::start::{read_storage, Header, Host, Loading, Start, StartState, CARDS};
use crate::storage;
use crate::storage::library::{self, LocalTemplate};
use crate::studio::Studio;
use crate::templates;

thread_local! {
    /// Whether prewarming has begun (it runs once).
    static WARMED: Cell<bool> = const { Cell::new(false) };
    /// Whether the app has been asked to do something: prewarming stops (it
    /// would only hold up what was asked for).
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Which screen is shown.
#[derive(Clone, Copy, PartialEq)]
enum Screen {
    /// Storage is being read.
    Loading,
    Start,
    /// A draft open in the form (held in `App`'s `opened` until the form takes it).
    Edit,
    /// A template open in the studio (held in `App`'s `studied` until it takes it).
    Studio,
}

/// The whole app: the start screen, the form and the studio. `handed` is what
/// the start-screen program was asked to do; without it, a crash or a reload
/// returns to what was open. `unreadable`: the start-screen program handed
/// over an action this build cannot read.
#[component]
pub fn App(handed: Option<Action>, #[prop(optional)] unreadable: bool) -> impl IntoView {
    if handed.is_some() {
        ASKED.set(true);
    }
    let screen = RwSignal::new(Screen::Loading);
    let opened = StoredValue::new_local(None::<Opened>);
    let studied = StoredValue::new(None::<LocalTemplate>);
    let state = StartState::new();
    // An action on its way: a second click meanwhile (a double click, an
    // impatient one) is ignored until the action has opened its screen or said
    // why not (every action ends in `show`, `studio` or `to_start`).
    let acting = StoredValue::new(false);
    let to_start = Callback::new(move |_| {
        acting.set_value(false);
        if screen.get_untracked() != Screen::Start {
            screen.set(Screen::Start);
        }
    });
    let studio = Callback::new(move |t: LocalTemplate| {
        // A reload comes back to the template being written.
        storage::set_pref(STUDIO, Some(&t.key));
        acting.set_value(false);
        studied.set_value(Some(t));
        screen.set(Screen::Studio);
    });
    let close_studio = Callback::new(move |_| {
        storage::set_pref(STUDIO, None);
        screen.set(Screen::Start);
    });
    let show = Callback::new(move |o: Opened| {
        // A reload comes back to the draft being written.
        storage::set_pref(OPEN, Some(&o.meta.id));
        acting.set_value(false);
        opened.set_value(Some(o));
        screen.set(Screen::Edit);
    });
    let close = Callback::new(move |_| {
        storage::set_pref(OPEN, None);
        screen.set(Screen::Start);
    });
    // A new screen shows from its top, not where the last one was scrolled to
    // (one screen replaces the other in one update, so the page keeps its
    // scroll); the first one after loading is left to the browser, which
    // returns a reloaded page to where it was. (The start-screen program's page
    // shrinks to nothing when it hands over: the full app starts at the top.)
    Effect::new(move |last: Option<Screen>| {
        let now = screen.get();
        if last.is_some_and(|l| l != now && l != Screen::Loading) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        now
    });
    let screens = Screens { show, studio, state, to_start };
    let host = Host {
        act: Callback::new(move |a| {
            if acting.get_value() {
                return;
            }
            acting.set_value(true);
            ASKED.set(true);
            perform(a, screens)
        }),
        errors: Callback::new(|key: String| match library::local_template(&key) {
            Some(t) => Some(templates::error_count(&t.name, &t.source)),
            // A published template, compiled as the form will compile it.
            None => crate::storage::published::file_of(&key)
                .and_then(|file| Some(templates::error_count(file.trim_end_matches(".wg"), &library::source(&key)?))),
        }),
        more_pickers: Some(Callback::new(|()| view! { <crate::start::FolderPicker/> }.into_any())),
    };
    spawn_local(async move {
        if !read_storage(state.message).await {
            return to_start.run(());
        }
        if unreadable {
            state.message.set("文稿刚更新过，这个页面里新旧两部分对不上，刚才点的没能打开。请刷新页面（按 F5）再点一次。".into());
            return to_start.run(());
        }
        let action = match handed {
            Some(a) => Some(a),
            None => action::reopened().await,
        };
        match action {
            Some(a) => host.act.run(a),
            None => to_start.run(()),
        }
    });
    let start = move || {
        request_idle_callback(prewarm);
        view! { <Start host state/> }.into_any()
    };
    view! {
        <Header/>
        {move || match screen.get() {
            Screen::Loading => view! { <Loading/> }.into_any(),
            Screen::Start => start(),
            Screen::Edit => match opened.try_update_value(Option::take).flatten() {
                Some(o) => view! { <Editor opened=o close place=Place::App/> }.into_any(),
                None => start(),
            },
            Screen::Studio => match studied.try_update_value(Option::take).flatten() {
                Some(t) => view! { <Studio template=t close=close_studio/> }.into_any(),
                None => start(),
            },
        }}
    }
}

/// The browser compiles the wasm of the form's code lazily, on first use:
/// while the start screen waits, run the form's computations once for the
/// first built-in template (11-27 ms here), in an idle task. Building and
/// laying out a small form out of sight as well made opening a saved 述职报告
/// 30 ms faster (100 against 130 ms), but building it took 35-69 ms in one task
/// however it was split (the form's frame alone is most of it), and
/// scripts/bench-peer.mjs allows no task over 50 ms in the 3 s after the start
/// screen appears: a click or a keystroke then would wait for it.
pub fn prewarm() {
    if WARMED.replace(true) {
        return;
    }
    request_idle_callback(|| {
        if ASKED.get() {
            return;
        }
        if let Some(spec) = CARDS.first().and_then(|c| templates::spec_for(&library::builtin_key(c.name)).ok()) {
            let mut draft = Draft::new(&spec);
            wengao::edit::fill_minimums(&spec, &mut draft);
            let _ = crate::form::derived::check(&spec, &draft);
        }
    });
}
