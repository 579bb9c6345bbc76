//! One way to define a fixed choice that is stored, sent in URLs and forms, and shown: an
//! enum with its stable text (`as_str`, and `FromStr` that refuses anything else with the
//! message given), every value in order (`ALL`), and, where it has a name to show, the
//! catalogue key of that name (`label_key`). The store reads and writes these as text
//! (`store::text`): a stored value that is none of them is an error, never a default.

/// `text_enum! { /// docs  pub enum Role ("role-unknown") { Admin => "admin" / "role-admin", ... } }`
/// (the part after `/` is the catalogue key of the value's name, and may be left out for
/// every value at once).
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($error:literal) { $( $(#[$vmeta:meta])* $variant:ident => $text:literal $(/ $label:literal)? ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, diesel::AsExpression, diesel::FromSqlRow)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Its text in storage, URLs and forms.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            $crate::text_enum!(@labels $name { $($variant $(=> $label)?),+ });
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::Invalid;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| $crate::domain::Invalid::new($error))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(|_| serde::de::Error::custom(format!("`{text}` is not a {}", stringify!($name))))
            }
        }
    };
    (@labels $name:ident { $($variant:ident => $label:literal),+ }) => {
        /// The catalogue key of its name.
        pub fn label_key(self) -> &'static str {
            match self { $($name::$variant => $label),+ }
        }
    };
    (@labels $name:ident { $($variant:ident),+ }) => {};
}
