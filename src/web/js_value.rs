//! Reading plain JS values (what `chrome.runtime` messages and the JS API's options are) into
//! Rust types, for the in-page module: a serde `Deserializer` over `JsValue`.
//!
//! The in-page module used serde-wasm-bindgen's, whose errors describe an unexpected value with
//! serde's `Unexpected`, and that description of a float (`floating point `1.5``) links the
//! standard library's float formatting: 9.9 KB gzipped of a 210 KB module, for an error message
//! (DESIGN.md, "Values across the JS boundary"). This one says the same in other words and
//! formats no float; `cargo xtask build` refuses an in-page module that carries float formatting
//! again (`size::BANNED`). It reads what JSON can hold: `null` and `undefined`, booleans,
//! numbers, strings, arrays and plain objects (whose `undefined` properties count as absent, as
//! in `JSON.stringify`); anything else is a clear error, and so is nesting deeper than
//! [`DEPTH`]. Unknown fields are skipped without being walked. One kind of value is taken whole,
//! unread ([`raw`]): a document the page hands back as it got it.

use serde::de::{self, DeserializeOwned, DeserializeSeed, Expected, Unexpected, Visitor};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Arrays and objects nested deeper than this are refused, not followed down the module's
/// small stack (serde_json's limit too).
pub const DEPTH: u32 = 128;

/// Reads `value` as a `T`.
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    T::deserialize(Value {
        value,
        depth: DEPTH,
    })
}

/// The name [`raw`] asks for: the one newtype this reader hands over whole, unread.
const RAW: &str = "followup::web::js_value::raw";

thread_local! {
    /// The value [`raw`] is handed (serde's visitors take Rust values, not a `JsValue`).
    static HANDED: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// Reads the value in front of `deserializer` as it is, unread: the JS value itself when
/// `deserializer` is this module's, an error from any other.
pub fn raw<'de, D: de::Deserializer<'de>>(deserializer: D) -> Result<JsValue, D::Error> {
    struct Handed;
    impl<'de> Visitor<'de> for Handed {
        type Value = JsValue;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JS value")
        }
        fn visit_unit<E: de::Error>(self) -> Result<JsValue, E> {
            HANDED
                .with(|h| h.borrow_mut().take())
                .ok_or_else(|| E::custom("a JS value was expected"))
        }
    }
    deserializer.deserialize_newtype_struct(RAW, Handed)
}

/// Why a value could not be read, in words.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error(format!(
            "invalid type: {}, expected {expected}",
            describe(unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error(format!(
            "invalid value: {}, expected {expected}",
            describe(unexpected)
        ))
    }
}

/// What serde's `Display` of `Unexpected` says, except that a number with a fraction is not
/// written out (that is what links float formatting).
fn describe(unexpected: Unexpected<'_>) -> String {
    match unexpected {
        Unexpected::Bool(b) => format!("boolean `{b}`"),
        Unexpected::Unsigned(n) => format!("integer `{n}`"),
        Unexpected::Signed(n) => format!("integer `{n}`"),
        Unexpected::Float(_) => "a number with a fraction".to_string(),
        Unexpected::Char(c) => format!("character `{c}`"),
        Unexpected::Str(s) => format!("string {s:?}"),
        Unexpected::Bytes(_) => "byte array".to_string(),
        Unexpected::Unit => "null".to_string(),
        Unexpected::Option => "Option value".to_string(),
        Unexpected::NewtypeStruct => "newtype struct".to_string(),
        Unexpected::Seq => "array".to_string(),
        Unexpected::Map => "object".to_string(),
        Unexpected::Enum => "enum".to_string(),
        Unexpected::UnitVariant => "unit variant".to_string(),
        Unexpected::NewtypeVariant => "newtype variant".to_string(),
        Unexpected::TupleVariant => "tuple variant".to_string(),
        Unexpected::StructVariant => "struct variant".to_string(),
        Unexpected::Other(other) => other.to_string(),
    }
}

/// A JS value being read, and how much deeper its arrays and objects may go.
struct Value {
    value: JsValue,
    depth: u32,
}

impl Value {
    /// One level down, or an error at [`DEPTH`].
    fn deeper(&self) -> Result<u32, Error> {
        self.depth
            .checked_sub(1)
            .ok_or_else(|| Error(format!("nested more than {DEPTH} deep")))
    }

    /// A plain object's own enumerable properties, as `[key, value]` pairs (`None` for an
    /// array or anything that is not an object).
    fn entries(&self) -> Option<js_sys::Array> {
        (self.value.is_object() && !js_sys::Array::is_array(&self.value))
            .then(|| js_sys::Object::entries(self.value.unchecked_ref()))
    }

    /// What the value is, for an error.
    fn unexpected(&self) -> Unexpected<'static> {
        let v = &self.value;
        if v.is_null() || v.is_undefined() {
            Unexpected::Unit
        } else if let Some(b) = v.as_bool() {
            Unexpected::Bool(b)
        } else if v.as_f64().is_some() {
            Unexpected::Other("number")
        } else if v.is_string() {
            Unexpected::Other("string")
        } else if js_sys::Array::is_array(v) {
            Unexpected::Seq
        } else if v.is_object() {
            Unexpected::Map
        } else {
            Unexpected::Other("a JS value that is not JSON")
        }
    }

    /// The error for a value of the wrong kind.
    fn refuse<'de, V: Visitor<'de>>(&self, visitor: V) -> Error {
        de::Error::invalid_type(self.unexpected(), &visitor)
    }

    fn seq<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !js_sys::Array::is_array(&self.value) {
            return Err(self.refuse(visitor));
        }
        let depth = self.deeper()?;
        visitor.visit_seq(Seq {
            items: self.value.unchecked_into(),
            at: 0,
            depth,
        })
    }

    fn map<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let Some(entries) = self.entries() else {
            return Err(self.refuse(visitor));
        };
        visitor.visit_map(Map::new(entries, self.deeper()?))
    }
}

/// A JS number as the integer it is (when it is one JS can hold exactly), else as a float.
fn number<'de, V: Visitor<'de>>(n: f64, visitor: V) -> Result<V::Value, Error> {
    const EXACT: f64 = 9_007_199_254_740_991.0; // 2^53 - 1
    if n.fract() == 0.0 && (0.0..=EXACT).contains(&n) {
        visitor.visit_u64(n as u64)
    } else if n.fract() == 0.0 && (-EXACT..0.0).contains(&n) {
        visitor.visit_i64(n as i64)
    } else {
        visitor.visit_f64(n)
    }
}

/// `deserialize_…` methods that read a number.
macro_rules! numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.value.as_f64() {
                Some(n) => number(n, visitor),
                None => Err(self.refuse(visitor)),
            }
        }
    )*};
}

/// `deserialize_…` methods that read a string.
macro_rules! strings {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.value.as_string() {
                Some(s) => visitor.visit_string(s),
                None => Err(self.refuse(visitor)),
            }
        }
    )*};
}

/// Each method asks its visitor only for what it reads (an array, an object, a string…), so a
/// type's decoder is not compiled for every kind of value; only `deserialize_any` (for serde's
/// untagged and internally tagged enums and for `serde_json::Value`) tries them all.
impl<'de> de::Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let v = &self.value;
        if v.is_null() || v.is_undefined() {
            visitor.visit_unit()
        } else if let Some(b) = v.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = v.as_f64() {
            number(n, visitor)
        } else if let Some(s) = v.as_string() {
            visitor.visit_string(s)
        } else if js_sys::Array::is_array(v) {
            self.seq(visitor)
        } else {
            self.map(visitor)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.as_bool() {
            Some(b) => visitor.visit_bool(b),
            None => Err(self.refuse(visitor)),
        }
    }

    numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_f32 deserialize_f64
    }

    strings! { deserialize_char deserialize_str deserialize_string deserialize_identifier }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.value.is_null() || self.value.is_undefined() {
            visitor.visit_unit()
        } else {
            Err(self.refuse(visitor))
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.value.is_null() || self.value.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == RAW {
            HANDED.with(|h| *h.borrow_mut() = Some(self.value));
            return visitor.visit_unit();
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.seq(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.map(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.map(visitor)
    }

    /// `"Variant"` for a unit variant, `{"Variant": …}` for one with data (as serde_json).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if let Some(s) = self.value.as_string() {
            return visitor.visit_enum(de::IntoDeserializer::<Error>::into_deserializer(s));
        }
        match self.entries() {
            Some(entries) if entries.length() == 1 => {
                let map = Map::new(entries, self.deeper()?);
                visitor.visit_enum(de::value::MapAccessDeserializer::new(map))
            }
            _ => Err(self.refuse(visitor)),
        }
    }

    /// Skipped without being walked (an unknown field may hold anything, however deep).
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! { i128 u128 bytes byte_buf }
}

/// The items of a JS array.
struct Seq {
    items: js_sys::Array,
    at: u32,
    depth: u32,
}

impl<'de> de::SeqAccess<'de> for Seq {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.at >= self.items.length() {
            return Ok(None);
        }
        let value = self.items.get(self.at);
        self.at += 1;
        seed.deserialize(Value {
            value,
            depth: self.depth,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        usize::try_from(self.items.length().saturating_sub(self.at)).ok()
    }
}

/// The properties of a plain JS object (`Object.entries`), those set to `undefined` left out.
struct Map {
    entries: js_sys::Array,
    at: u32,
    /// The value of the key just read.
    value: Option<JsValue>,
    depth: u32,
}

impl Map {
    fn new(entries: js_sys::Array, depth: u32) -> Map {
        Map {
            entries,
            at: 0,
            value: None,
            depth,
        }
    }
}

impl<'de> de::MapAccess<'de> for Map {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        while self.at < self.entries.length() {
            let pair: js_sys::Array = self.entries.get(self.at).unchecked_into();
            self.at += 1;
            let value = pair.get(1);
            if value.is_undefined() {
                continue;
            }
            self.value = Some(value);
            return seed
                .deserialize(Value {
                    value: pair.get(0),
                    depth: self.depth,
                })
                .map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| Error("a value asked for before its key".to_string()))?;
        seed.deserialize(Value {
            value,
            depth: self.depth,
        })
    }
}
