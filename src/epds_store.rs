//! The EPDS history in the app: the [`History`] of completed checks in its [`Store`]
//! under the key `epds` (see `store.rs` for how it is loaded, saved, and kept in step
//! with other windows).

use crate::domain::epds_history::History;
use crate::store::{use_store, Store};

pub type EpdsStore = Store<History>;

/// The store, loaded on first use.
pub fn use_epds() -> EpdsStore {
    use_store()
}
