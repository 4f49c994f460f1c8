use serde_derive::{Deserialize, Serialize};
use serde_test::{assert_tokens, Token};

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Unit {
    a: u8,
}

#[test]
fn struct_round_trips_through_tokens() {
    assert_tokens(
        &Unit { a: 1 },
        &[
            Token::Struct { name: "Unit", len: 1 },
            Token::Str("a"),
            Token::U8(1),
            Token::StructEnd,
        ],
    );
}

#[test]
fn fnv_map_serializes() {
    let mut map = fnv::FnvHashMap::default();
    map.insert(1u8, 2u8);
    serde_test::assert_ser_tokens(&map, &[Token::Map { len: Some(1) }, Token::U8(1), Token::U8(2), Token::MapEnd]);
}
