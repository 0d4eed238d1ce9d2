//! Yew's effects with their types erased: Yew's effect code is generic in the
//! dependencies, the effect and its clean-up, so each call site of
//! `use_effect_with` costs the first module a copy of it. Here every site
//! shares one: the dependencies are boxed (compared through `Any`), the effect
//! and the clean-up are boxed closures. Same behaviour: the effect runs after
//! a render whose dependencies differ from the last run's, the clean-up before
//! the next run and when the component goes. (Erasing `use_memo` the same way
//! saved 0.1 KB gzip: not done.)

use std::any::Any;
use yew::functional::TearDown;
use yew::prelude::*;

/// Dependencies of any type, compared as their own type.
trait AnyDeps {
    fn as_any(&self) -> &dyn Any;
    fn same(&self, other: &dyn Any) -> bool;
}

impl<D: PartialEq + 'static> AnyDeps for D {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn same(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<D>() == Some(self)
    }
}

struct Deps(Box<dyn AnyDeps>);

impl PartialEq for Deps {
    fn eq(&self, other: &Self) -> bool {
        self.0.same(other.0.as_any())
    }
}

type Run = Box<dyn FnOnce(&Deps) -> Box<dyn FnOnce()>>;

/// Runs `f` after a render when `deps` changed (and after the first); what it
/// returns (nothing, or a closure) cleans up before the next run and at the end.
#[hook]
pub fn use_effect_on<D, F, R>(deps: D, f: F)
where
    D: PartialEq + 'static,
    F: FnOnce(&D) -> R + 'static,
    R: TearDown,
{
    let run: Run = Box::new(move |d: &Deps| match d.0.as_any().downcast_ref::<D>() {
        Some(d) => {
            let r = f(d);
            Box::new(move || r.tear_down())
        }
        None => Box::new(|| ()),
    });
    crate::hooks::erased::use_effect_on(Deps(Box::new(deps)), run);
}

/// `use_effect` (after every render) with its types erased, as above: every
/// call site shares Yew's effect code.
#[hook]
pub fn use_effect_always<F, R>(f: F)
where
    F: FnOnce() -> R + 'static,
    R: TearDown,
{
    let run: Box<dyn FnOnce() -> Box<dyn FnOnce()>> = Box::new(move || {
        let r = f();
        Box::new(move || r.tear_down())
    });
    use_effect(run);
}
