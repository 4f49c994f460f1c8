pub fn renamed_tool() {}
