//! Yew's effects with their types erased: Yew's effect code is generic in the
//! dependencies, the effect and its clean-up, so each call site of
//! `use_effect_with` costs the first module a copy of it. Here every site
//! shares one: the dependencies are boxed (compared through `Any`), the effect
//! and the clean-up are boxed closures. Same behaviour: the effect runs after
//! a render whose dependencies differ from the last run's, the clean-up before
//! the next run and when the component goes. (Erasing `use_memo` the same way
//! saved 0.1 KB gzip: not done.)

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use yew::functional::TearDown;
use yew::functional::UseForceUpdateHandle;
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
    yew::functional::use_effect_with(Deps(Box::new(deps)), run);
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

/// `use_state` with its type erased: Yew's is a reducer generic in the value
/// (and in the closure that makes the first one), a copy per call site. Here
/// every site shares one kind of cell (the value as `Rc<dyn Any>`) and Yew's
/// `use_force_update`. Same behaviour: the handle shows the value of the
/// render it was made in; `set` keeps the new value and renders again.
pub struct StateHandle<T> {
    value: Rc<T>,
    cell: Rc<RefCell<Option<Rc<dyn Any>>>>,
    rerender: UseForceUpdateHandle,
}

impl<T> Clone for StateHandle<T> {
    fn clone(&self) -> Self {
        StateHandle {
            value: self.value.clone(),
            cell: self.cell.clone(),
            rerender: self.rerender.clone(),
        }
    }
}

/// Equal when the values are (as Yew's handles).
impl<T: PartialEq> PartialEq for StateHandle<T> {
    fn eq(&self, other: &Self) -> bool {
        *self.value == *other.value
    }
}

impl<T> std::ops::Deref for StateHandle<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: 'static> StateHandle<T> {
    /// Keeps `v` and renders the component again.
    pub fn set(&self, v: T) {
        *self.cell.borrow_mut() = Some(Rc::new(v));
        self.rerender.force_update();
    }
    /// A handle to set the value with (as Yew's `setter`: any clone sets it).
    pub fn setter(&self) -> StateHandle<T> {
        self.clone()
    }
}

fn no_state() -> Option<Rc<dyn Any>> {
    None
}

#[hook]
pub fn use_state<T: 'static, F: FnOnce() -> T>(init: F) -> StateHandle<T> {
    let cell = use_mut_ref(no_state);
    let rerender = use_force_update();
    let kept = cell.borrow().clone().and_then(|v| v.downcast::<T>().ok());
    let value = match kept {
        Some(v) => v,
        None => {
            let v = Rc::new(init());
            *cell.borrow_mut() = Some(v.clone() as Rc<dyn Any>);
            v
        }
    };
    StateHandle {
        value,
        cell,
        rerender,
    }
}

/// An `Rc` compared by pointer, as a hook's dependency: a value another hook
/// built (a chart model holding 1,000,000 indices) is the same value exactly
/// when it is the same allocation — comparing its contents at each render
/// would cost a pass over them.
pub struct ByPtr<T>(pub Rc<T>);

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}
