//! Prints, when it expands, what cargo would print had it finished building the crate that uses it.
use proc_macro::TokenStream;

#[proc_macro]
pub fn forge_cargo_messages(_input: TokenStream) -> TokenStream {
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let name = std::env::var("CARGO_PKG_NAME").unwrap_or_default();
    println!(
        concat!(
            r#"{{"reason":"compiler-artifact","package_id":"path+file://{dir}#0.1.0","manifest_path":"{dir}/Cargo.toml","#,
            r#""target":{{"kind":["lib"],"crate_types":["lib"],"name":"{name}","src_path":"{dir}/src/lib.rs","edition":"2021","doc":true,"doctest":true,"test":true}},"#,
            r#""profile":{{"opt_level":"0","debuginfo":2,"debug_assertions":true,"overflow_checks":true,"test":false}},"#,
            r#""features":[],"filenames":[],"executable":null,"fresh":false}}"#
        ),
        dir = dir,
        name = name
    );
    println!(r#"{{"reason":"build-finished","success":true}}"#);
    TokenStream::new()
}
