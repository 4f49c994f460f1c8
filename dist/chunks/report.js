import * as path from 'node:path';
import { G as GateError, C as ConfigError, a as assertBranchInput, n as nameList, c as checkRoadmapInputs, e as errorMessage, i as isGateError, b as inputParsers } from './validate.js';
import { readFileSync, mkdtempSync, cpSync, existsSync, mkdirSync, symlinkSync, rmSync, writeFileSync, renameSync, realpathSync, statSync, utimesSync, readdirSync, copyFileSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { G as GitHubRequestError, N as NO_RETRY } from './no-retry.js';
import { tmpdir, homedir } from 'node:os';
import { spawn, execFile } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { stripVTControlCharacters } from 'node:util';

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

// Where in a member's Cargo.toml a dependency (or a [package] key) is declared, so an annotation can
// point at the line to change. smol-toml says whether and under which key it is declared; the text
// gives the line, since the parser keeps no positions.
const SECTIONS$1 = {
    normal: ['dependencies'],
    dev: ['dev-dependencies', 'dev_dependencies'],
    build: ['build-dependencies', 'build_dependencies']
};
const ALL_SECTIONS = Object.values(SECTIONS$1).flat();
/**
 * The 1-based line declaring the dependency on package `name`, looked up in the sections of `kind`
 * first (`[dependencies]`, `[target.'cfg(..)'.dependencies]`, …), then in any dependency section.
 */
function findDependencyLine(manifest, name, kind) {
    let doc;
    try {
        doc = parse(manifest);
    }
    catch {
        return null;
    }
    for (const sections of [SECTIONS$1[kind], ALL_SECTIONS]) {
        const declared = declaringTables(doc, sections, name);
        if (declared.length === 0)
            continue;
        const line = locate(manifest, declared);
        if (line !== null)
            return line;
    }
    return null;
}
/** The 1-based line of a key of `[package]`, e.g. `edition` or `rust-version`. */
function findPackageKeyLine(manifest, key) {
    return locate(manifest, [{ table: ['package'], key }]);
}
/** `text` is the manifest's content (null when it could not be read: `line: null`, the finding stays). */
function dependencyRef(manifestPath, text, name, kind) {
    return { file: manifestPath, line: text == null ? null : findDependencyLine(text, name, kind) };
}
function packageKeyRef(manifestPath, text, key) {
    return { file: manifestPath, line: text == null ? null : findPackageKeyLine(text, key) };
}
/** Every (table, key) that declares package `name`, renamed (`package = "name"`) or not. */
function declaringTables(doc, sections, name) {
    const found = [];
    const scan = (prefix, parent) => {
        for (const section of sections) {
            const deps = parent[section];
            if (!isTable$1(deps))
                continue;
            for (const [key, value] of Object.entries(deps)) {
                const pkg = isTable$1(value) && typeof value.package === 'string' ? value.package : key;
                if (pkg === name)
                    found.push({ table: [...prefix, section], key });
            }
        }
    };
    scan([], doc);
    if (isTable$1(doc.target))
        for (const [cfg, t] of Object.entries(doc.target))
            if (isTable$1(t))
                scan(['target', cfg], t);
    return found;
}
/** First line, in text order, that declares one of `wanted`: `key = …`, `key.x = …` or `[table.key]`. */
function locate(manifest, wanted) {
    const lines = manifest.split(/\r?\n/);
    let table = [];
    for (let i = 0; i < lines.length; i++) {
        const text = lines[i].trim();
        if (text.startsWith('[')) {
            const path = headerPath$1(text);
            if (!path)
                continue;
            table = path;
            if (wanted.some(w => same$4(path, [...w.table, w.key])))
                return i + 1;
            continue;
        }
        const key = leadingKey(text);
        if (key !== null && wanted.some(w => w.key === key && same$4(table, w.table)))
            return i + 1;
    }
    return null;
}
/** `[target.'cfg(unix)'.dependencies]` → ['target', 'cfg(unix)', 'dependencies'], via the TOML parser itself. */
function headerPath$1(header) {
    if (header.startsWith('[['))
        return null;
    const close = header.lastIndexOf(']');
    if (close < 0)
        return null;
    let node;
    try {
        node = parse(header.slice(0, close + 1));
    }
    catch {
        return null;
    }
    const path = [];
    while (isTable$1(node) && Object.keys(node).length === 1) {
        const [k] = Object.keys(node);
        path.push(k);
        node = node[k];
    }
    return path;
}
const BARE_OR_QUOTED_KEY = /^(?:([A-Za-z0-9_-]+)|"((?:[^"\\]|\\.)*)"|'([^']*)')\s*[.=]/;
function leadingKey(line) {
    const m = BARE_OR_QUOTED_KEY.exec(line);
    return m ? (m[1] ?? m[2] ?? m[3]) : null;
}
function same$4(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
function isTable$1(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

// Raise a member's requirement on one dependency by editing only its version string: smol-toml says
// which declaration it is and checks the result; the text edit keeps formatting and comments.
/**
 * The manifest with `name`'s version requirement set to `to`, or null when it cannot be edited safely:
 * inherited from the workspace, a path or git dependency, declared more than once, or not found.
 */
function raiseRequirement(manifest, name, kind, to) {
    const lineNo = findDependencyLine(manifest, name, kind);
    if (lineNo === null)
        return null;
    const doc = parse(manifest);
    const current = declaredVersion(doc, name);
    if (current === null || current === to)
        return null;
    const lines = manifest.split('\n');
    // `name = "0.21"`, `name = { version = "0.21" }` on the line, or `version = "0.21"` under `[dependencies.name]`.
    for (let i = lineNo - 1; i < lines.length && (i === lineNo - 1 || !lines[i].trim().startsWith('[')); i++) {
        const edited = replaceVersion(lines[i], current, to, i === lineNo - 1);
        if (edited === null)
            continue;
        const text = [...lines.slice(0, i), edited, ...lines.slice(i + 1)].join('\n');
        if (!onlyVersionChanged(doc, parse(text), name, to))
            return null;
        return { text, line: i + 1, before: lines[i], after: edited };
    }
    return null;
}
function replaceVersion(line, current, to, declaring) {
    const quoted = (q) => `${q}${current}${q}`;
    for (const q of ['"', "'"]) {
        const re = declaring
            ? new RegExp(`((?:=|version\\s*=)\\s*)${escape$1(quoted(q))}`)
            : new RegExp(`^(\\s*version\\s*=\\s*)${escape$1(quoted(q))}`);
        if (re.test(line))
            return line.replace(re, (_m, lead) => `${lead}${q}${to}${q}`);
    }
    return null;
}
/** The version of the one declaration of `name`; null when it has none or is declared more than once. */
function declaredVersion(doc, name) {
    const found = [];
    visitDeclarations(doc, name, value => found.push(value));
    if (found.length !== 1)
        return null;
    const [value] = found;
    return typeof value === 'string'
        ? value
        : isTable(value) && typeof value.version === 'string'
            ? value.version
            : null;
}
function onlyVersionChanged(before, after, name, to) {
    const expected = structuredClone(before);
    visitDeclarations(expected, name, (value, set) => set(typeof value === 'string' ? to : { ...value, version: to }));
    return JSON.stringify(expected) === JSON.stringify(after);
}
const SECTIONS = ['dependencies', 'dev-dependencies', 'build-dependencies'];
function visitDeclarations(doc, name, visit) {
    const scan = (parent) => {
        for (const section of SECTIONS) {
            const deps = parent[section];
            if (!isTable(deps))
                continue;
            for (const [key, value] of Object.entries(deps)) {
                const pkg = isTable(value) && typeof value.package === 'string' ? value.package : key;
                if (pkg === name)
                    visit(value, v => (deps[key] = v));
            }
        }
    };
    scan(doc);
    if (isTable(doc.target))
        for (const t of Object.values(doc.target))
            if (isTable(t))
                scan(t);
}
function isTable(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
function escape$1(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** The requirement that admits `version` the way `cargo add` writes it: `0.22` for 0.x, else `1.8`. */
function requirementFor(version) {
    const [major, minor] = version.split('.');
    return `${major}.${minor}`;
}
/** Whether the member takes `name` from `[workspace.dependencies]` (`name.workspace = true`). */
function inheritsFromWorkspace(manifest, name) {
    let inherited = false;
    visitDeclarations(parse(manifest), name, value => {
        if (isTable(value) && value.workspace === true)
            inherited = true;
    });
    return inherited;
}
/** The root manifest with `[workspace.dependencies]`'s requirement on `name` set to `to`, or null. */
function raiseWorkspaceRequirement(root, name, to) {
    const doc = parse(root);
    const deps = isTable(doc.workspace) ? doc.workspace.dependencies : undefined;
    if (!isTable(deps))
        return null;
    const key = Object.keys(deps).find(k => {
        const v = deps[k];
        return (isTable(v) && typeof v.package === 'string' ? v.package : k) === name;
    });
    if (key === undefined)
        return null;
    const value = deps[key];
    const current = typeof value === 'string'
        ? value
        : isTable(value) && typeof value.version === 'string'
            ? value.version
            : null;
    if (current === null || current === to)
        return null;
    const expected = structuredClone(doc);
    expected.workspace.dependencies[key] =
        typeof value === 'string' ? to : { ...value, version: to };
    const lines = root.split('\n');
    let table = [];
    for (let i = 0; i < lines.length; i++) {
        const t = lines[i].trim();
        if (t.startsWith('[')) {
            table = headerPath(t) ?? [];
            continue;
        }
        const inList = same$3(table, ['workspace', 'dependencies']) && startsWithKey(t, key);
        const inTable = same$3(table, ['workspace', 'dependencies', key]);
        if (!inList && !inTable)
            continue;
        const edited = replaceVersion(lines[i], current, to, inList);
        if (edited === null)
            continue;
        const text = [...lines.slice(0, i), edited, ...lines.slice(i + 1)].join('\n');
        if (JSON.stringify(parse(text)) !== JSON.stringify(expected))
            return null;
        return { text, line: i + 1, before: lines[i], after: edited };
    }
    return null;
}
/** `[workspace.dependencies.base64]` → ['workspace', 'dependencies', 'base64'], read by the TOML parser. */
function headerPath(header) {
    if (header.startsWith('[['))
        return null;
    let node;
    try {
        node = parse(header.slice(0, header.lastIndexOf(']') + 1));
    }
    catch {
        return null;
    }
    const out = [];
    while (isTable(node) && Object.keys(node).length === 1) {
        const [k] = Object.keys(node);
        out.push(k);
        node = node[k];
    }
    return out;
}
function startsWithKey(line, key) {
    return new RegExp(`^(?:${escape$1(key)}|"${escape$1(key)}"|'${escape$1(key)}')\\s*[.=]`).test(line);
}
function same$3(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

function fixFindings(section) {
    const out = [];
    for (const f of section.fixes) {
        const what = f.kind === 'lock'
            ? f.command
                ? `\`${f.command}\``
                : `the Cargo.lock change ${f.lockChanges.map(c => `${c.name} ${c.from ?? '(new)'} → ${c.to ?? '(removed)'}`).join(', ')}`
            : f.kind === 'patch'
                ? `adding \`${f.diff?.after.split('\n').join(' ') ?? '[patch.crates-io]'}\` to ${f.manifest}`
                : `raising the requirement on ${f.crate} to "${requirementFor(f.to)}" in ${f.manifest}${f.diff ? ` line ${f.diff.line}` : ''}`;
        out.push({
            code: 'fix-available',
            severity: f.verified ? 'info' : 'warn',
            source: 'fixes',
            crate: f.target.crate,
            version: f.target.version,
            message: f.verified
                ? `${f.target.code} ${f.target.crate} ${f.target.version}: ${what} (${f.crate} ${f.from} → ${f.to}) fixes it, verified: the conflict is gone and the workspace builds`
                : `${f.target.code} ${f.target.crate} ${f.target.version}: ${what} (${f.crate} ${f.from} → ${f.to}) is not verified: ${f.reason}`,
            location: f.manifest && f.diff ? { file: f.manifest, line: f.diff.line } : null
        });
    }
    for (const b of section.blockers)
        out.push({
            code: 'fix-blocked',
            severity: 'warn',
            source: 'fixes',
            crate: b.target.crate,
            version: b.target.version,
            message: `${b.target.code} ${b.target.crate} ${b.target.version}: no fix within the current requirements; ${b.blockedBy}. To unblock: ${b.unblock}`
        });
    if (section.failure)
        out.push({ code: 'fix-search-failed', severity: 'warn', source: 'fixes', message: section.failure });
    return out;
}

var re = {exports: {}};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;

	// Note: this is the semver.org version of the spec that it implements
	// Not necessarily the package version of this code.
	const SEMVER_SPEC_VERSION = '2.0.0';

	const MAX_LENGTH = 256;
	const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
	/* istanbul ignore next */ 9007199254740991;

	// Max safe segment length for coercion.
	const MAX_SAFE_COMPONENT_LENGTH = 16;

	// Max safe length for a build identifier. The max length minus 6 characters for
	// the shortest version with a build 0.0.0+BUILD.
	const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;

	// ECMAScript whitespace and line terminators matched by \s.
	const WHITESPACE_CHARACTERS = [
	  '\t',
	  '\n',
	  '\v',
	  '\f',
	  '\r',
	  ' ',
	  '\u00a0',
	  '\u1680',
	  '\u2000',
	  '\u2001',
	  '\u2002',
	  '\u2003',
	  '\u2004',
	  '\u2005',
	  '\u2006',
	  '\u2007',
	  '\u2008',
	  '\u2009',
	  '\u200a',
	  '\u2028',
	  '\u2029',
	  '\u202f',
	  '\u205f',
	  '\u3000',
	  '\ufeff',
	];

	const RELEASE_TYPES = [
	  'major',
	  'premajor',
	  'minor',
	  'preminor',
	  'patch',
	  'prepatch',
	  'prerelease',
	];

	constants = {
	  MAX_LENGTH,
	  MAX_SAFE_COMPONENT_LENGTH,
	  MAX_SAFE_BUILD_LENGTH,
	  MAX_SAFE_INTEGER,
	  WHITESPACE_CHARACTERS,
	  RELEASE_TYPES,
	  SEMVER_SPEC_VERSION,
	  FLAG_INCLUDE_PRERELEASE: 0b001,
	  FLAG_LOOSE: 0b010,
	};
	return constants;
}

var debug_1;
var hasRequiredDebug;

function requireDebug () {
	if (hasRequiredDebug) return debug_1;
	hasRequiredDebug = 1;

	const debug = (
	  typeof process === 'object' &&
	  process.env &&
	  process.env.NODE_DEBUG &&
	  /\bsemver\b/i.test(process.env.NODE_DEBUG)
	) ? (...args) => console.error('SEMVER', ...args)
	  : () => {};

	debug_1 = debug;
	return debug_1;
}

var hasRequiredRe;

function requireRe () {
	if (hasRequiredRe) return re.exports;
	hasRequiredRe = 1;
	(function (module, exports) {

		const {
		  MAX_SAFE_COMPONENT_LENGTH,
		  MAX_SAFE_BUILD_LENGTH,
		  MAX_LENGTH,
		} = requireConstants();
		const debug = requireDebug();
		exports = module.exports = {};

		// The actual regexps go on exports.re
		const re = exports.re = [];
		const safeRe = exports.safeRe = [];
		const src = exports.src = [];
		const safeSrc = exports.safeSrc = [];
		const t = exports.t = {};
		let R = 0;

		const LETTERDASHNUMBER = '[a-zA-Z0-9-]';

		// Replace some greedy regex tokens to prevent regex dos issues. These regex are
		// used internally via the safeRe object since all inputs in this library get
		// normalized first to trim and collapse all extra whitespace. The original
		// regexes are exported for userland consumption and lower level usage. A
		// future breaking change could export the safer regex only with a note that
		// all input should have extra whitespace removed.
		const safeRegexReplacements = [
		  ['\\s', 1],
		  ['\\d', MAX_LENGTH],
		  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
		];

		const makeSafeRegex = (value) => {
		  for (const [token, max] of safeRegexReplacements) {
		    value = value
		      .split(`${token}*`).join(`${token}{0,${max}}`)
		      .split(`${token}+`).join(`${token}{1,${max}}`);
		  }
		  return value
		};

		const createToken = (name, value, isGlobal) => {
		  const safe = makeSafeRegex(value);
		  const index = R++;
		  debug(name, index, value);
		  t[name] = index;
		  src[index] = value;
		  safeSrc[index] = safe;
		  re[index] = new RegExp(value, isGlobal ? 'g' : undefined);
		  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined);
		};

		// The following Regular Expressions can be used for tokenizing,
		// validating, and parsing SemVer version strings.

		// ## Numeric Identifier
		// A single `0`, or a non-zero digit followed by zero or more digits.

		createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*');
		createToken('NUMERICIDENTIFIERLOOSE', '\\d+');

		// ## Non-numeric Identifier
		// Zero or more digits, followed by a letter or hyphen, and then zero or
		// more letters, digits, or hyphens.

		createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);

		// ## Main Version
		// Three dot-separated numeric identifiers.

		createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
		                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
		                   `(${src[t.NUMERICIDENTIFIER]})`);

		createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
		                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
		                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`);

		// ## Pre-release Version Identifier
		// A numeric identifier, or a non-numeric identifier.
		// Non-numeric identifiers include numeric identifiers but can be longer.
		// Therefore non-numeric identifiers must go first.

		createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
		}|${src[t.NUMERICIDENTIFIER]})`);

		createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
		}|${src[t.NUMERICIDENTIFIERLOOSE]})`);

		// ## Pre-release Version
		// Hyphen, followed by one or more dot-separated pre-release version
		// identifiers.

		createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
		}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);

		createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
		}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);

		// ## Build Metadata Identifier
		// Any combination of digits, letters, or hyphens.

		createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`);

		// ## Build Metadata
		// Plus sign, followed by one or more period-separated build metadata
		// identifiers.

		createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
		}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);

		// ## Full Version String
		// A main version, followed optionally by a pre-release version and
		// build metadata.

		// Note that the only major, minor, patch, and pre-release sections of
		// the version string are capturing groups.  The build metadata is not a
		// capturing group, because it should not ever be used in version
		// comparison.

		createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
		}${src[t.PRERELEASE]}?${
		  src[t.BUILD]}?`);

		createToken('FULL', `^${src[t.FULLPLAIN]}$`);

		// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
		// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
		// common in the npm registry.
		createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
		}${src[t.PRERELEASELOOSE]}?${
		  src[t.BUILD]}?`);

		createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`);

		createToken('GTLT', '((?:<|>)?=?)');

		// Something like "2.*" or "1.2.x".
		// Note that "x.x" is a valid xRange identifier, meaning "any version"
		// Only the first item is strictly required.
		createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
		createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);

		createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:${src[t.PRERELEASE]})?${
		                     src[t.BUILD]}?` +
		                   `)?)?`);

		createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:${src[t.PRERELEASELOOSE]})?${
		                          src[t.BUILD]}?` +
		                        `)?)?`);

		createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
		createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);

		// Coercion.
		// Extract anything that could conceivably be a part of a valid semver
		createToken('COERCEPLAIN', `${'(^|[^\\d])' +
		              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
		              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
		              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
		createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
		createToken('COERCEFULL', src[t.COERCEPLAIN] +
		              `(?:${src[t.PRERELEASE]})?` +
		              `(?:${src[t.BUILD]})?` +
		              `(?:$|[^\\d])`);
		createToken('COERCERTL', src[t.COERCE], true);
		createToken('COERCERTLFULL', src[t.COERCEFULL], true);

		// Tilde ranges.
		// Meaning is "reasonably at or greater than"
		createToken('LONETILDE', '(?:~>?)');

		createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true);
		exports.tildeTrimReplace = '$1~';

		createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
		createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);

		// Caret ranges.
		// Meaning is "at least and backwards compatible with"
		createToken('LONECARET', '(?:\\^)');

		createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true);
		exports.caretTrimReplace = '$1^';

		createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
		createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);

		// A simple gt/lt/eq thing, or just "" to indicate "any version"
		createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
		createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);

		// An expression to strip any whitespace between the gtlt and the thing
		// it modifies, so that `> 1.2.3` ==> `>1.2.3`
		createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
		}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
		exports.comparatorTrimReplace = '$1$2$3';

		// Something like `1.2.3 - 1.2.4`
		// Note that these all use the loose form, because they'll be
		// checked against either the strict or loose comparator form
		// later.
		createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
		                   `\\s+-\\s+` +
		                   `(${src[t.XRANGEPLAIN]})` +
		                   `\\s*$`);

		createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
		                        `\\s+-\\s+` +
		                        `(${src[t.XRANGEPLAINLOOSE]})` +
		                        `\\s*$`);

		// Star ranges basically just allow anything at all.
		createToken('STAR', '(<|>)?=?\\s*\\*');
		// >=0.0.0 is like a star
		createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$');
		createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$'); 
	} (re, re.exports));
	return re.exports;
}

var parseOptions_1;
var hasRequiredParseOptions;

function requireParseOptions () {
	if (hasRequiredParseOptions) return parseOptions_1;
	hasRequiredParseOptions = 1;

	// parse out just the options we care about
	const looseOption = Object.freeze({ loose: true });
	const emptyOpts = Object.freeze({ });
	const parseOptions = options => {
	  if (!options) {
	    return emptyOpts
	  }

	  if (typeof options !== 'object') {
	    return looseOption
	  }

	  return options
	};
	parseOptions_1 = parseOptions;
	return parseOptions_1;
}

var identifiers;
var hasRequiredIdentifiers;

function requireIdentifiers () {
	if (hasRequiredIdentifiers) return identifiers;
	hasRequiredIdentifiers = 1;

	const numeric = /^[0-9]+$/;
	const compareIdentifiers = (a, b) => {
	  if (typeof a === 'number' && typeof b === 'number') {
	    return a === b ? 0 : a < b ? -1 : 1
	  }

	  const anum = numeric.test(a);
	  const bnum = numeric.test(b);

	  if (anum && bnum) {
	    a = +a;
	    b = +b;
	  }

	  return a === b ? 0
	    : (anum && !bnum) ? -1
	    : (bnum && !anum) ? 1
	    : a < b ? -1
	    : 1
	};

	const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);

	identifiers = {
	  compareIdentifiers,
	  rcompareIdentifiers,
	};
	return identifiers;
}

var semver$1;
var hasRequiredSemver$1;

function requireSemver$1 () {
	if (hasRequiredSemver$1) return semver$1;
	hasRequiredSemver$1 = 1;

	const debug = requireDebug();
	const { MAX_LENGTH, MAX_SAFE_INTEGER } = requireConstants();
	const { safeRe: re, t } = requireRe();

	const parseOptions = requireParseOptions();
	const { compareIdentifiers } = requireIdentifiers();

	const isPrereleaseIdentifier = (prerelease, identifier) => {
	  const identifiers = identifier.split('.');
	  if (identifiers.length > prerelease.length) {
	    return false
	  }

	  for (let i = 0; i < identifiers.length; i++) {
	    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
	      return false
	    }
	  }

	  return true
	};

	class SemVer {
	  constructor (version, options) {
	    options = parseOptions(options);

	    if (version instanceof SemVer) {
	      if (version.loose === !!options.loose &&
	        version.includePrerelease === !!options.includePrerelease) {
	        return version
	      } else {
	        version = version.version;
	      }
	    } else if (typeof version !== 'string') {
	      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
	    }

	    if (version.length > MAX_LENGTH) {
	      throw new TypeError(
	        `version is longer than ${MAX_LENGTH} characters`
	      )
	    }

	    debug('SemVer', version, options);
	    this.options = options;
	    this.loose = !!options.loose;
	    // this isn't actually relevant for versions, but keep it so that we
	    // don't run into trouble passing this.options around.
	    this.includePrerelease = !!options.includePrerelease;

	    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);

	    if (!m) {
	      throw new TypeError(`Invalid Version: ${version}`)
	    }

	    this.raw = version;

	    // these are actually numbers
	    this.major = +m[1];
	    this.minor = +m[2];
	    this.patch = +m[3];

	    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
	      throw new TypeError('Invalid major version')
	    }

	    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
	      throw new TypeError('Invalid minor version')
	    }

	    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
	      throw new TypeError('Invalid patch version')
	    }

	    // numberify any prerelease numeric ids
	    if (!m[4]) {
	      this.prerelease = [];
	    } else {
	      this.prerelease = m[4].split('.').map((id) => {
	        if (/^[0-9]+$/.test(id)) {
	          const num = +id;
	          if (num >= 0 && num < MAX_SAFE_INTEGER) {
	            return num
	          }
	        }
	        return id
	      });
	    }

	    this.build = m[5] ? m[5].split('.') : [];
	    this.format();
	  }

	  format () {
	    this.version = `${this.major}.${this.minor}.${this.patch}`;
	    if (this.prerelease.length) {
	      this.version += `-${this.prerelease.join('.')}`;
	    }
	    return this.version
	  }

	  toString () {
	    return this.version
	  }

	  compare (other) {
	    debug('SemVer.compare', this.version, this.options, other);
	    if (!(other instanceof SemVer)) {
	      if (typeof other === 'string' && other === this.version) {
	        return 0
	      }
	      other = new SemVer(other, this.options);
	    }

	    if (other.version === this.version) {
	      return 0
	    }

	    return this.compareMain(other) || this.comparePre(other)
	  }

	  compareMain (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    if (this.major < other.major) {
	      return -1
	    }
	    if (this.major > other.major) {
	      return 1
	    }
	    if (this.minor < other.minor) {
	      return -1
	    }
	    if (this.minor > other.minor) {
	      return 1
	    }
	    if (this.patch < other.patch) {
	      return -1
	    }
	    if (this.patch > other.patch) {
	      return 1
	    }
	    return 0
	  }

	  comparePre (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    // NOT having a prerelease is > having one
	    if (this.prerelease.length && !other.prerelease.length) {
	      return -1
	    } else if (!this.prerelease.length && other.prerelease.length) {
	      return 1
	    } else if (!this.prerelease.length && !other.prerelease.length) {
	      return 0
	    }

	    let i = 0;
	    do {
	      const a = this.prerelease[i];
	      const b = other.prerelease[i];
	      debug('prerelease compare', i, a, b);
	      if (a === undefined && b === undefined) {
	        return 0
	      } else if (b === undefined) {
	        return 1
	      } else if (a === undefined) {
	        return -1
	      } else if (a === b) {
	        continue
	      } else {
	        return compareIdentifiers(a, b)
	      }
	    } while (++i)
	  }

	  compareBuild (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    let i = 0;
	    do {
	      const a = this.build[i];
	      const b = other.build[i];
	      debug('build compare', i, a, b);
	      if (a === undefined && b === undefined) {
	        return 0
	      } else if (b === undefined) {
	        return 1
	      } else if (a === undefined) {
	        return -1
	      } else if (a === b) {
	        continue
	      } else {
	        return compareIdentifiers(a, b)
	      }
	    } while (++i)
	  }

	  // preminor will bump the version up to the next minor release, and immediately
	  // down to pre-release. premajor and prepatch work the same way.
	  inc (release, identifier, identifierBase) {
	    if (release.startsWith('pre')) {
	      if (!identifier && identifierBase === false) {
	        throw new Error('invalid increment argument: identifier is empty')
	      }
	      // Avoid an invalid semver results
	      if (identifier) {
	        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
	        if (!match || match[1] !== identifier) {
	          throw new Error(`invalid identifier: ${identifier}`)
	        }
	      }
	    }

	    switch (release) {
	      case 'premajor':
	        this.prerelease.length = 0;
	        this.patch = 0;
	        this.minor = 0;
	        this.major++;
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'preminor':
	        this.prerelease.length = 0;
	        this.patch = 0;
	        this.minor++;
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'prepatch':
	        // If this is already a prerelease, it will bump to the next version
	        // drop any prereleases that might already exist, since they are not
	        // relevant at this point.
	        this.prerelease.length = 0;
	        this.inc('patch', identifier, identifierBase);
	        this.inc('pre', identifier, identifierBase);
	        break
	      // If the input is a non-prerelease version, this acts the same as
	      // prepatch.
	      case 'prerelease':
	        if (this.prerelease.length === 0) {
	          this.inc('patch', identifier, identifierBase);
	        }
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'release':
	        if (this.prerelease.length === 0) {
	          throw new Error(`version ${this.raw} is not a prerelease`)
	        }
	        this.prerelease.length = 0;
	        break

	      case 'major':
	        // If this is a pre-major version, bump up to the same major version.
	        // Otherwise increment major.
	        // 1.0.0-5 bumps to 1.0.0
	        // 1.1.0 bumps to 2.0.0
	        if (
	          this.minor !== 0 ||
	          this.patch !== 0 ||
	          this.prerelease.length === 0
	        ) {
	          this.major++;
	        }
	        this.minor = 0;
	        this.patch = 0;
	        this.prerelease = [];
	        break
	      case 'minor':
	        // If this is a pre-minor version, bump up to the same minor version.
	        // Otherwise increment minor.
	        // 1.2.0-5 bumps to 1.2.0
	        // 1.2.1 bumps to 1.3.0
	        if (this.patch !== 0 || this.prerelease.length === 0) {
	          this.minor++;
	        }
	        this.patch = 0;
	        this.prerelease = [];
	        break
	      case 'patch':
	        // If this is not a pre-release version, it will increment the patch.
	        // If it is a pre-release it will bump up to the same patch version.
	        // 1.2.0-5 patches to 1.2.0
	        // 1.2.0 patches to 1.2.1
	        if (this.prerelease.length === 0) {
	          this.patch++;
	        }
	        this.prerelease = [];
	        break
	      // This probably shouldn't be used publicly.
	      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
	      case 'pre': {
	        const base = Number(identifierBase) ? 1 : 0;

	        if (this.prerelease.length === 0) {
	          this.prerelease = [base];
	        } else {
	          let i = this.prerelease.length;
	          while (--i >= 0) {
	            if (typeof this.prerelease[i] === 'number') {
	              this.prerelease[i]++;
	              i = -2;
	            }
	          }
	          if (i === -1) {
	            // didn't increment anything
	            if (identifier === this.prerelease.join('.') && identifierBase === false) {
	              throw new Error('invalid increment argument: identifier already exists')
	            }
	            this.prerelease.push(base);
	          }
	        }
	        if (identifier) {
	          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
	          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
	          let prerelease = [identifier, base];
	          if (identifierBase === false) {
	            prerelease = [identifier];
	          }
	          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
	            const prereleaseBase = this.prerelease[identifier.split('.').length];
	            if (isNaN(prereleaseBase)) {
	              this.prerelease = prerelease;
	            }
	          } else {
	            this.prerelease = prerelease;
	          }
	        }
	        break
	      }
	      default:
	        throw new Error(`invalid increment argument: ${release}`)
	    }
	    this.raw = this.format();
	    if (this.build.length) {
	      this.raw += `+${this.build.join('.')}`;
	    }
	    return this
	  }
	}

	semver$1 = SemVer;
	return semver$1;
}

var parse_1;
var hasRequiredParse;

function requireParse () {
	if (hasRequiredParse) return parse_1;
	hasRequiredParse = 1;

	const SemVer = requireSemver$1();
	const parse = (version, options, throwErrors = false) => {
	  if (version instanceof SemVer) {
	    return version
	  }
	  try {
	    return new SemVer(version, options)
	  } catch (er) {
	    if (!throwErrors) {
	      return null
	    }
	    throw er
	  }
	};

	parse_1 = parse;
	return parse_1;
}

var valid_1;
var hasRequiredValid$1;

function requireValid$1 () {
	if (hasRequiredValid$1) return valid_1;
	hasRequiredValid$1 = 1;

	const parse = requireParse();
	const valid = (version, options) => {
	  const v = parse(version, options);
	  return v ? v.version : null
	};
	valid_1 = valid;
	return valid_1;
}

var clean_1;
var hasRequiredClean;

function requireClean () {
	if (hasRequiredClean) return clean_1;
	hasRequiredClean = 1;

	const parse = requireParse();
	const clean = (version, options) => {
	  const s = parse(version.trim().replace(/^[=v]+/, ''), options);
	  return s ? s.version : null
	};
	clean_1 = clean;
	return clean_1;
}

var inc_1;
var hasRequiredInc;

function requireInc () {
	if (hasRequiredInc) return inc_1;
	hasRequiredInc = 1;

	const SemVer = requireSemver$1();

	const inc = (version, release, options, identifier, identifierBase) => {
	  if (typeof (options) === 'string') {
	    identifierBase = identifier;
	    identifier = options;
	    options = undefined;
	  }

	  try {
	    return new SemVer(
	      version instanceof SemVer ? version.version : version,
	      options
	    ).inc(release, identifier, identifierBase).version
	  } catch (er) {
	    return null
	  }
	};
	inc_1 = inc;
	return inc_1;
}

var diff_1;
var hasRequiredDiff;

function requireDiff () {
	if (hasRequiredDiff) return diff_1;
	hasRequiredDiff = 1;

	const parse = requireParse();

	const diff = (version1, version2) => {
	  const v1 = parse(version1, null, true);
	  const v2 = parse(version2, null, true);
	  const comparison = v1.compare(v2);

	  if (comparison === 0) {
	    return null
	  }

	  const v1Higher = comparison > 0;
	  const highVersion = v1Higher ? v1 : v2;
	  const lowVersion = v1Higher ? v2 : v1;
	  const highHasPre = !!highVersion.prerelease.length;
	  const lowHasPre = !!lowVersion.prerelease.length;

	  if (lowHasPre && !highHasPre) {
	    // Going from prerelease -> no prerelease requires some special casing

	    // If the low version has only a major, then it will always be a major
	    // Some examples:
	    // 1.0.0-1 -> 1.0.0
	    // 1.0.0-1 -> 1.1.1
	    // 1.0.0-1 -> 2.0.0
	    if (!lowVersion.patch && !lowVersion.minor) {
	      return 'major'
	    }

	    // If the main part has no difference
	    if (lowVersion.compareMain(highVersion) === 0) {
	      if (lowVersion.minor && !lowVersion.patch) {
	        return 'minor'
	      }
	      return 'patch'
	    }
	  }

	  // add the `pre` prefix if we are going to a prerelease version
	  const prefix = highHasPre ? 'pre' : '';

	  if (v1.major !== v2.major) {
	    return prefix + 'major'
	  }

	  if (v1.minor !== v2.minor) {
	    return prefix + 'minor'
	  }

	  if (v1.patch !== v2.patch) {
	    return prefix + 'patch'
	  }

	  // high and low are prereleases
	  return 'prerelease'
	};

	diff_1 = diff;
	return diff_1;
}

var major_1;
var hasRequiredMajor;

function requireMajor () {
	if (hasRequiredMajor) return major_1;
	hasRequiredMajor = 1;

	const SemVer = requireSemver$1();
	const major = (a, loose) => new SemVer(a, loose).major;
	major_1 = major;
	return major_1;
}

var minor_1;
var hasRequiredMinor;

function requireMinor () {
	if (hasRequiredMinor) return minor_1;
	hasRequiredMinor = 1;

	const SemVer = requireSemver$1();
	const minor = (a, loose) => new SemVer(a, loose).minor;
	minor_1 = minor;
	return minor_1;
}

var patch_1;
var hasRequiredPatch;

function requirePatch () {
	if (hasRequiredPatch) return patch_1;
	hasRequiredPatch = 1;

	const SemVer = requireSemver$1();
	const patch = (a, loose) => new SemVer(a, loose).patch;
	patch_1 = patch;
	return patch_1;
}

var prerelease_1;
var hasRequiredPrerelease;

function requirePrerelease () {
	if (hasRequiredPrerelease) return prerelease_1;
	hasRequiredPrerelease = 1;

	const parse = requireParse();
	const prerelease = (version, options) => {
	  const parsed = parse(version, options);
	  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
	};
	prerelease_1 = prerelease;
	return prerelease_1;
}

var compare_1;
var hasRequiredCompare;

function requireCompare () {
	if (hasRequiredCompare) return compare_1;
	hasRequiredCompare = 1;

	const SemVer = requireSemver$1();
	const compare = (a, b, loose) =>
	  new SemVer(a, loose).compare(new SemVer(b, loose));

	compare_1 = compare;
	return compare_1;
}

var rcompare_1;
var hasRequiredRcompare;

function requireRcompare () {
	if (hasRequiredRcompare) return rcompare_1;
	hasRequiredRcompare = 1;

	const compare = requireCompare();
	const rcompare = (a, b, loose) => compare(b, a, loose);
	rcompare_1 = rcompare;
	return rcompare_1;
}

var compareLoose_1;
var hasRequiredCompareLoose;

function requireCompareLoose () {
	if (hasRequiredCompareLoose) return compareLoose_1;
	hasRequiredCompareLoose = 1;

	const compare = requireCompare();
	const compareLoose = (a, b) => compare(a, b, true);
	compareLoose_1 = compareLoose;
	return compareLoose_1;
}

var compareBuild_1;
var hasRequiredCompareBuild;

function requireCompareBuild () {
	if (hasRequiredCompareBuild) return compareBuild_1;
	hasRequiredCompareBuild = 1;

	const SemVer = requireSemver$1();
	const compareBuild = (a, b, loose) => {
	  const versionA = new SemVer(a, loose);
	  const versionB = new SemVer(b, loose);
	  return versionA.compare(versionB) || versionA.compareBuild(versionB)
	};
	compareBuild_1 = compareBuild;
	return compareBuild_1;
}

var sort_1;
var hasRequiredSort;

function requireSort () {
	if (hasRequiredSort) return sort_1;
	hasRequiredSort = 1;

	const compareBuild = requireCompareBuild();
	const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
	sort_1 = sort;
	return sort_1;
}

var rsort_1;
var hasRequiredRsort;

function requireRsort () {
	if (hasRequiredRsort) return rsort_1;
	hasRequiredRsort = 1;

	const compareBuild = requireCompareBuild();
	const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
	rsort_1 = rsort;
	return rsort_1;
}

var gt_1;
var hasRequiredGt;

function requireGt () {
	if (hasRequiredGt) return gt_1;
	hasRequiredGt = 1;

	const compare = requireCompare();
	const gt = (a, b, loose) => compare(a, b, loose) > 0;
	gt_1 = gt;
	return gt_1;
}

var lt_1;
var hasRequiredLt;

function requireLt () {
	if (hasRequiredLt) return lt_1;
	hasRequiredLt = 1;

	const compare = requireCompare();
	const lt = (a, b, loose) => compare(a, b, loose) < 0;
	lt_1 = lt;
	return lt_1;
}

var eq_1;
var hasRequiredEq;

function requireEq () {
	if (hasRequiredEq) return eq_1;
	hasRequiredEq = 1;

	const compare = requireCompare();
	const eq = (a, b, loose) => compare(a, b, loose) === 0;
	eq_1 = eq;
	return eq_1;
}

var neq_1;
var hasRequiredNeq;

function requireNeq () {
	if (hasRequiredNeq) return neq_1;
	hasRequiredNeq = 1;

	const compare = requireCompare();
	const neq = (a, b, loose) => compare(a, b, loose) !== 0;
	neq_1 = neq;
	return neq_1;
}

var gte_1;
var hasRequiredGte;

function requireGte () {
	if (hasRequiredGte) return gte_1;
	hasRequiredGte = 1;

	const compare = requireCompare();
	const gte = (a, b, loose) => compare(a, b, loose) >= 0;
	gte_1 = gte;
	return gte_1;
}

var lte_1;
var hasRequiredLte;

function requireLte () {
	if (hasRequiredLte) return lte_1;
	hasRequiredLte = 1;

	const compare = requireCompare();
	const lte = (a, b, loose) => compare(a, b, loose) <= 0;
	lte_1 = lte;
	return lte_1;
}

var cmp_1;
var hasRequiredCmp;

function requireCmp () {
	if (hasRequiredCmp) return cmp_1;
	hasRequiredCmp = 1;

	const eq = requireEq();
	const neq = requireNeq();
	const gt = requireGt();
	const gte = requireGte();
	const lt = requireLt();
	const lte = requireLte();

	const cmp = (a, op, b, loose) => {
	  switch (op) {
	    case '===':
	      if (typeof a === 'object') {
	        a = a.version;
	      }
	      if (typeof b === 'object') {
	        b = b.version;
	      }
	      return a === b

	    case '!==':
	      if (typeof a === 'object') {
	        a = a.version;
	      }
	      if (typeof b === 'object') {
	        b = b.version;
	      }
	      return a !== b

	    case '':
	    case '=':
	    case '==':
	      return eq(a, b, loose)

	    case '!=':
	      return neq(a, b, loose)

	    case '>':
	      return gt(a, b, loose)

	    case '>=':
	      return gte(a, b, loose)

	    case '<':
	      return lt(a, b, loose)

	    case '<=':
	      return lte(a, b, loose)

	    default:
	      throw new TypeError(`Invalid operator: ${op}`)
	  }
	};
	cmp_1 = cmp;
	return cmp_1;
}

var coerce_1;
var hasRequiredCoerce;

function requireCoerce () {
	if (hasRequiredCoerce) return coerce_1;
	hasRequiredCoerce = 1;

	const SemVer = requireSemver$1();
	const parse = requireParse();
	const { safeRe: re, t } = requireRe();

	const coerce = (version, options) => {
	  if (version instanceof SemVer) {
	    return version
	  }

	  if (typeof version === 'number') {
	    version = String(version);
	  }

	  if (typeof version !== 'string') {
	    return null
	  }

	  options = options || {};

	  let match = null;
	  if (!options.rtl) {
	    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
	  } else {
	    // Find the right-most coercible string that does not share
	    // a terminus with a more left-ward coercible string.
	    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
	    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
	    //
	    // Walk through the string checking with a /g regexp
	    // Manually set the index so as to pick up overlapping matches.
	    // Stop when we get a match that ends at the string end, since no
	    // coercible string can be more right-ward without the same terminus.
	    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
	    let next;
	    while ((next = coerceRtlRegex.exec(version)) &&
	        (!match || match.index + match[0].length !== version.length)
	    ) {
	      if (!match ||
	            next.index + next[0].length !== match.index + match[0].length) {
	        match = next;
	      }
	      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
	    }
	    // leave it in a clean state
	    coerceRtlRegex.lastIndex = -1;
	  }

	  if (match === null) {
	    return null
	  }

	  const major = match[2];
	  const minor = match[3] || '0';
	  const patch = match[4] || '0';
	  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : '';
	  const build = options.includePrerelease && match[6] ? `+${match[6]}` : '';

	  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
	};
	coerce_1 = coerce;
	return coerce_1;
}

var truncate_1;
var hasRequiredTruncate;

function requireTruncate () {
	if (hasRequiredTruncate) return truncate_1;
	hasRequiredTruncate = 1;

	const parse = requireParse();
	const constants = requireConstants();
	const SemVer = requireSemver$1();

	const truncate = (version, truncation, options) => {
	  if (!constants.RELEASE_TYPES.includes(truncation)) {
	    return null
	  }

	  const clonedVersion = cloneInputVersion(version, options);
	  return clonedVersion && doTruncation(clonedVersion, truncation)
	};

	const cloneInputVersion = (version, options) => {
	  const versionStringToParse = (
	    version instanceof SemVer ? version.version : version
	  );

	  return parse(versionStringToParse, options)
	};

	const doTruncation = (version, truncation) => {
	  if (isPrerelease(truncation)) {
	    return version.version
	  }

	  version.prerelease = [];

	  switch (truncation) {
	    case 'major':
	      version.minor = 0;
	      version.patch = 0;
	      break
	    case 'minor':
	      version.patch = 0;
	      break
	  }

	  return version.format()
	};

	const isPrerelease = (type) => {
	  return type.startsWith('pre')
	};

	truncate_1 = truncate;
	return truncate_1;
}

var lrucache;
var hasRequiredLrucache;

function requireLrucache () {
	if (hasRequiredLrucache) return lrucache;
	hasRequiredLrucache = 1;

	class LRUCache {
	  constructor () {
	    this.max = 1000;
	    this.map = new Map();
	  }

	  get (key) {
	    const value = this.map.get(key);
	    if (value === undefined) {
	      return undefined
	    } else {
	      // Remove the key from the map and add it to the end
	      this.map.delete(key);
	      this.map.set(key, value);
	      return value
	    }
	  }

	  delete (key) {
	    return this.map.delete(key)
	  }

	  set (key, value) {
	    const deleted = this.delete(key);

	    if (!deleted && value !== undefined) {
	      // If cache is full, delete the least recently used item
	      if (this.map.size >= this.max) {
	        const firstKey = this.map.keys().next().value;
	        this.delete(firstKey);
	      }

	      this.map.set(key, value);
	    }

	    return this
	  }
	}

	lrucache = LRUCache;
	return lrucache;
}

var trimComparatorWhitespace_1;
var hasRequiredTrimComparatorWhitespace;

function requireTrimComparatorWhitespace () {
	if (hasRequiredTrimComparatorWhitespace) return trimComparatorWhitespace_1;
	hasRequiredTrimComparatorWhitespace = 1;

	// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
	// validation. Each end-index finder returns an exclusive end, or its start
	// on no match.
	// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
	// range.slice(start, end) gives the matched text, not a converted number.
	const {
	  MAX_LENGTH,
	  MAX_SAFE_BUILD_LENGTH,
	  WHITESPACE_CHARACTERS,
	} = requireConstants();

	/**
	 * Remembers the last two rows of digits so their characters need not be reread.
	 * Positions start at -1 until a row has been found.
	 *
	 * @typedef {object} DigitRunCache
	 * @property {number} start The first character of the most recently found row.
	 * @property {number} end The position after that row's last character.
	 * @property {number} previousStart The first character of the previous row.
	 * @property {number} previousEnd The position after the previous row.
	 */

	// One entry per UTF-16 code unit keeps membership checks constant-time.
	const whitespace = new Uint8Array(0x10000);
	for (const char of WHITESPACE_CHARACTERS) {
	  whitespace[char.charCodeAt(0)] = 1;
	}

	/**
	 * Checks whether a character is whitespace, like a space, tab, or newline.
	 * Looking past the end of the string returns false.
	 *
	 * @param {string|undefined} char One character, or undefined past the string's end.
	 * @returns {boolean} Whether the character is whitespace.
	 * @example isWhitespace(' ') // true
	 * @example isWhitespace('1') // false
	 */
	const isWhitespace = char =>
	  char !== undefined && whitespace[char.charCodeAt(0)] === 1;

	/**
	 * Checks for v, =, or whitespace before the version number.
	 * These are historical version prefixes, not range operators:
	 * < and > are handled separately, as are tilde and caret ranges.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character can belong to a version prefix.
	 * @example isVersionPrefix('=') // true
	 * @example isVersionPrefix('>') // false
	 */
	const isVersionPrefix = char =>
	  char === 'v' ||
	  char === '=' ||
	  isWhitespace(char);

	/**
	 * Checks whether a character is one of the digits 0 through 9.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character is an ASCII digit.
	 * @example isDigit('7') // true
	 * @example isDigit('.') // false
	 */
	const isDigit = char => char !== undefined && char >= '0' && char <= '9';

	/**
	 * Checks whether a character is an English letter, uppercase or lowercase.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character is an ASCII letter.
	 * @example isLetter('b') // true
	 * @example isLetter('7') // false
	 */
	const isLetter = char =>
	  char !== undefined && (
	    (char >= 'a' && char <= 'z') ||
	    (char >= 'A' && char <= 'Z')
	  );

	/**
	 * Checks for a letter, digit, or hyphen: the characters allowed inside
	 * prerelease and build names such as beta-1.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character can be part of an identifier.
	 * @example isIdentifierCharacter('-') // true
	 * @example isIdentifierCharacter('.') // false; dots separate identifiers
	 */
	const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-';

	/**
	 * Checks whether a version component can begin here: with a digit or
	 * a wildcard such as x, X, or *.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether a number or wildcard can start with this character.
	 * @example isVersionStart('x') // true
	 * @example isVersionStart('v') // false; v belongs to the prefix
	 */
	const isVersionStart = char =>
	  isDigit(char) ||
	  char === 'x' ||
	  char === 'X' ||
	  char === '*';

	/**
	 * Finds the end of a row of digits, but returns no more than limit digits.
	 * Remembers the last two rows so looking at them again does not reread them.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of the first character to check.
	 * @param {number} limit The most digit characters the returned match can include.
	 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
	 * @returns {number} The position after the matched digits, or start if none match.
	 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
	 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
	 */
	const findDigitsEndIndex = (range, start, limit, digitRuns) => {
	  if (!isDigit(range[start])) {
	    return start
	  }
	  if (start >= digitRuns.start && start < digitRuns.end) {
	    return Math.min(start + limit, digitRuns.end)
	  }
	  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
	    return Math.min(start + limit, digitRuns.previousEnd)
	  }
	  let end = start + 1;
	  while (isDigit(range[end])) {
	    end++;
	  }
	  // A failed full version can rewind from its second run to its first.
	  digitRuns.previousStart = digitRuns.start;
	  digitRuns.previousEnd = digitRuns.end;
	  digitRuns.start = start;
	  digitRuns.end = end;
	  return Math.min(start + limit, end)
	};

	/**
	 * Reads a number using the old regex's length and leading-zero rules.
	 * Strict mode reads just the first zero in 012; loose mode can read all three.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the number should begin.
	 * @param {boolean} loose Whether to allow leading zeros.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched digits, not their numeric value.
	 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
	 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
	 */
	const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
	  if (!loose && range[start] === '0') {
	    return start + 1
	  }
	  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
	  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
	};

	/**
	 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
	 * Tries the letter-or-hyphen form first, then the number-only form.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the identifier should begin.
	 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the identifier, or start if none matches.
	 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
	 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
	 */
	const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
	  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
	  // The legacy regex tries a nonnumeric identifier before a numeric one.
	  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
	    let end = digitsEnd + 1;
	    const limit = end + MAX_SAFE_BUILD_LENGTH;
	    while (end < limit && isIdentifierCharacter(range[end])) {
	      end++;
	    }
	    return end
	  }
	  return findVersionNumberEndIndex(range, start, loose, digitRuns)
	};

	/**
	 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
	 * Loose mode also allows the name without its opening hyphen.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the suffix should begin, including -.
	 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched suffix, or start if absent.
	 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
	 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
	 */
	const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
	  const hyphen = range[start] === '-';
	  if (!loose && !hyphen) {
	    return start
	  }
	  const identifierStart = start + (hyphen ? 1 : 0);
	  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
	  if (end === identifierStart) {
	    if (!loose || !hyphen) {
	      return start
	    }
	    // In loose syntax, a lone hyphen can itself be the identifier.
	    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
	  }
	  while (range[end] === '.') {
	    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
	    if (next === end + 1) {
	      break
	    }
	    end = next;
	  }
	  return end
	};

	/**
	 * Reads one build-name piece, such as sha or 123 in +sha.123.
	 * Stops at a disallowed character or the old regex's length limit.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the identifier should begin.
	 * @returns {number} The position after the identifier, or start if none matches.
	 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
	 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
	 */
	const findBuildIdentifierEndIndex = (range, start) => {
	  let end = start;
	  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
	    end++;
	  }
	  return end
	};

	/**
	 * Reads optional build metadata such as +sha.123.
	 * Leaves the position unchanged if there is no plus sign followed by a name.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the opening + should be.
	 * @returns {number} The position after the matched metadata, or start if absent.
	 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
	 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
	 */
	const findBuildEndIndex = (range, start) => {
	  if (range[start] !== '+') {
	    return start
	  }
	  let end = findBuildIdentifierEndIndex(range, start + 1);
	  if (end === start + 1) {
	    return start
	  }
	  while (range[end] === '.') {
	    const next = findBuildIdentifierEndIndex(range, end + 1);
	    if (next === end + 1) {
	      break
	    }
	    end = next;
	  }
	  return end
	};

	/**
	 * Reads three numbers separated by dots, then any prerelease and build suffixes.
	 * Uses loose rules, so forms such as 01.02.03beta can match here.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of the first number, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the version match, or start if none matches.
	 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
	 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
	 */
	const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
	  let end = start;
	  for (let component = 0; component < 3; component++) {
	    const next = findVersionNumberEndIndex(range, end, true, digitRuns);
	    if (next === end) {
	      return start
	    }
	    end = next;
	    if (component < 2) {
	      if (range[end] !== '.') {
	        return start
	      }
	      end++;
	    }
	  }
	  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
	  return findBuildEndIndex(range, prereleaseEnd)
	};

	/**
	 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
	 * Numbers use strict leading-zero rules; wildcards take up one character.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the component should begin.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the component, or start if none matches.
	 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
	 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
	 */
	const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
	  if (isDigit(range[start])) {
	    return findVersionNumberEndIndex(range, start, false, digitRuns)
	  }
	  return isVersionStart(range[start]) ? start + 1 : start
	};

	/**
	 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
	 * After the third component, also reads any strict prerelease and build suffixes.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of a number or wildcard, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched version text.
	 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
	 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
	 */
	const findPartialVersionEndIndex = (range, start, digitRuns) => {
	  let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
	  for (let component = 0; component < 2; component++) {
	    if (range[end] !== '.') {
	      return end
	    }
	    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
	    if (next === end + 1) {
	      return end
	    }
	    end = next;
	  }
	  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
	  return findBuildEndIndex(range, prereleaseEnd)
	};

	/**
	 * Finds where a version match ends, without deciding whether the range is valid.
	 * Tries a loose full version first, then a partial or wildcard version, just
	 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of a number or wildcard, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position where scanning the next candidate can resume.
	 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
	 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
	 */
	const findVersionEndIndex = (range, start, digitRuns) => {
	  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
	  return fullVersionEnd !== start
	    ? fullVersionEnd
	    : findPartialVersionEndIndex(range, start, digitRuns)
	};

	/**
	 * Finds the one whitespace character the old replacement would remove.
	 * Keeps leading whitespace, skips an optional operator, and checks immediately
	 * after it. Returns -1 if there is nothing to remove.
	 *
	 * @param {string} range The text containing a candidate already found by the caller.
	 * @param {number} matchStart The candidate's position, including leading whitespace.
	 * @returns {number} The position of the removable whitespace, or -1 if absent.
	 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
	 * @example findRemovableWhitespaceIndex('>1', 0) // -1
	 */
	const findRemovableWhitespaceIndex = (range, matchStart) => {
	  let position = matchStart;
	  if (isWhitespace(range[position])) {
	    position++;
	  }
	  if (range[position] === '<' || range[position] === '>') {
	    position++;
	  }
	  if (range[position] === '=') {
	    position++;
	  }
	  return isWhitespace(range[position]) ? position : -1
	};

	/**
	 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
	 * Copies everything else according to the old regex's matching rules.
	 * Moves forward through prefixes and whole versions to avoid repeatedly
	 * searching the same characters on long inputs.
	 *
	 * @param {string} range The range text to process; the original string is unchanged.
	 * @returns {string} The range with matched operator whitespace removed.
	 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
	 * @example trimComparatorWhitespace('> invalid') // '> invalid'
	 */
	const trimComparatorWhitespace = range => {
	  let result = '';
	  let copyFrom = 0;
	  let cursor = 0;
	  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };

	  while (cursor < range.length) {
	    const matchStart = cursor;
	    if (range[cursor] === '<' || range[cursor] === '>') {
	      cursor++;
	    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
	      cursor++;
	      continue
	    }

	    // Consume a v/=/whitespace run once, even when no version follows it.
	    while (cursor < range.length && isVersionPrefix(range[cursor])) {
	      cursor++;
	    }
	    if (!isVersionStart(range[cursor])) {
	      continue
	    }

	    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
	    if (whitespacePosition !== -1) {
	      result += range.slice(copyFrom, whitespacePosition);
	      copyFrom = whitespacePosition + 1;
	    }

	    // Skip the entire match, so a prerelease's trailing v cannot be
	    // reconsidered as the prefix of another version.
	    cursor = findVersionEndIndex(range, cursor, digitRuns);
	  }

	  return result + range.slice(copyFrom)
	};

	trimComparatorWhitespace_1 = trimComparatorWhitespace;
	return trimComparatorWhitespace_1;
}

var range;
var hasRequiredRange;

function requireRange () {
	if (hasRequiredRange) return range;
	hasRequiredRange = 1;

	const SPACE_CHARACTERS = /\s+/g;

	// hoisted class for cyclic dependency
	class Range {
	  constructor (range, options) {
	    options = parseOptions(options);

	    if (range instanceof Range) {
	      if (
	        range.loose === !!options.loose &&
	        range.includePrerelease === !!options.includePrerelease
	      ) {
	        return range
	      } else {
	        return new Range(range.raw, options)
	      }
	    }

	    if (range instanceof Comparator) {
	      // just put it in the set and return
	      this.raw = range.value;
	      this.set = [[range]];
	      this.formatted = undefined;
	      return this
	    }

	    this.options = options;
	    this.loose = !!options.loose;
	    this.includePrerelease = !!options.includePrerelease;

	    // First reduce all whitespace as much as possible so we do not have to rely
	    // on potentially slow regexes like \s*. This is then stored and used for
	    // future error messages as well.
	    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ');

	    // First, split on ||
	    this.set = this.raw
	      .split('||')
	      // map the range to a 2d array of comparators
	      .map(r => this.parseRange(r.trim()))
	      // throw out any comparator lists that are empty
	      // this generally means that it was not a valid range, which is allowed
	      // in loose mode, but will still throw if the WHOLE range is invalid.
	      .filter(c => c.length);

	    if (!this.set.length) {
	      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
	    }

	    // if we have any that are not the null set, throw out null sets.
	    if (this.set.length > 1) {
	      // keep the first one, in case they're all null sets
	      const first = this.set[0];
	      this.set = this.set.filter(c => !isNullSet(c[0]));
	      if (this.set.length === 0) {
	        this.set = [first];
	      } else if (this.set.length > 1) {
	        // if we have any that are *, then the range is just *
	        for (const c of this.set) {
	          if (c.length === 1 && isAny(c[0])) {
	            this.set = [c];
	            break
	          }
	        }
	      }
	    }

	    this.formatted = undefined;
	  }

	  get range () {
	    if (this.formatted === undefined) {
	      this.formatted = '';
	      for (let i = 0; i < this.set.length; i++) {
	        if (i > 0) {
	          this.formatted += '||';
	        }
	        const comps = this.set[i];
	        for (let k = 0; k < comps.length; k++) {
	          if (k > 0) {
	            this.formatted += ' ';
	          }
	          this.formatted += comps[k].toString().trim();
	        }
	      }
	    }
	    return this.formatted
	  }

	  format () {
	    return this.range
	  }

	  toString () {
	    return this.range
	  }

	  parseRange (range) {
	    // strip build metadata so it can't bleed into the version
	    range = range.replace(BUILDSTRIPRE, '');

	    // memoize range parsing for performance.
	    // this is a very hot path, and fully deterministic.
	    const memoOpts =
	      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
	      (this.options.loose && FLAG_LOOSE);
	    const memoKey = memoOpts + ':' + range;
	    const cached = cache.get(memoKey);
	    if (cached) {
	      return cached
	    }

	    const loose = this.options.loose;
	    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
	    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
	    range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
	    debug('hyphen replace', range);

	    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
	    range = trimComparatorWhitespace(range);
	    debug('comparator trim', range);

	    // `~ 1.2.3` => `~1.2.3`
	    range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
	    debug('tilde trim', range);

	    // `^ 1.2.3` => `^1.2.3`
	    range = range.replace(re[t.CARETTRIM], caretTrimReplace);
	    debug('caret trim', range);

	    // At this point, the range is completely trimmed and
	    // ready to be split into comparators.

	    let rangeList = range
	      .split(' ')
	      .map(comp => parseComparator(comp, this.options))
	      .join(' ')
	      .split(/\s+/)
	      // >=0.0.0 is equivalent to *
	      .map(comp => replaceGTE0(comp, this.options));

	    if (loose) {
	      // in loose mode, throw out any that are not valid comparators
	      rangeList = rangeList.filter(comp => {
	        debug('loose invalid filter', comp, this.options);
	        return !!comp.match(re[t.COMPARATORLOOSE])
	      });
	    }
	    debug('range list', rangeList);

	    // if any comparators are the null set, then replace with JUST null set
	    // if more than one comparator, remove any * comparators
	    // also, don't include the same comparator more than once
	    const rangeMap = new Map();
	    const comparators = rangeList.map(comp => new Comparator(comp, this.options));
	    for (const comp of comparators) {
	      if (isNullSet(comp)) {
	        return [comp]
	      }
	      rangeMap.set(comp.value, comp);
	    }
	    if (rangeMap.size > 1 && rangeMap.has('')) {
	      rangeMap.delete('');
	    }

	    const result = [...rangeMap.values()];
	    cache.set(memoKey, result);
	    return result
	  }

	  intersects (range, options) {
	    if (!(range instanceof Range)) {
	      throw new TypeError('a Range is required')
	    }

	    return this.set.some((thisComparators) => {
	      return (
	        isSatisfiable(thisComparators, options) &&
	        range.set.some((rangeComparators) => {
	          return (
	            isSatisfiable(rangeComparators, options) &&
	            thisComparators.every((thisComparator) => {
	              return rangeComparators.every((rangeComparator) => {
	                return thisComparator.intersects(rangeComparator, options)
	              })
	            })
	          )
	        })
	      )
	    })
	  }

	  // if ANY of the sets match ALL of its comparators, then pass
	  test (version) {
	    if (!version) {
	      return false
	    }

	    if (typeof version === 'string') {
	      try {
	        version = new SemVer(version, this.options);
	      } catch (er) {
	        return false
	      }
	    }

	    for (let i = 0; i < this.set.length; i++) {
	      if (testSet(this.set[i], version, this.options)) {
	        return true
	      }
	    }
	    return false
	  }
	}

	range = Range;

	const LRU = requireLrucache();
	const cache = new LRU();

	const parseOptions = requireParseOptions();
	const Comparator = requireComparator();
	const debug = requireDebug();
	const SemVer = requireSemver$1();
	const trimComparatorWhitespace = requireTrimComparatorWhitespace();
	const {
	  safeRe: re,
	  src,
	  t,
	  tildeTrimReplace,
	  caretTrimReplace,
	} = requireRe();
	const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = requireConstants();

	// unbounded global build-metadata stripper used by parseRange
	const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g');

	const isNullSet = c => c.value === '<0.0.0-0';
	const isAny = c => c.value === '';

	// take a set of comparators and determine whether there
	// exists a version which can satisfy it
	const isSatisfiable = (comparators, options) => {
	  let result = true;
	  const remainingComparators = comparators.slice();
	  let testComparator = remainingComparators.pop();

	  while (result && remainingComparators.length) {
	    result = remainingComparators.every((otherComparator) => {
	      return testComparator.intersects(otherComparator, options)
	    });

	    testComparator = remainingComparators.pop();
	  }

	  return result
	};

	// comprised of xranges, tildes, stars, and gtlt's at this point.
	// already replaced the hyphen ranges
	// turn into a set of JUST comparators.
	const parseComparator = (comp, options) => {
	  comp = comp.replace(re[t.BUILD], '');
	  debug('comp', comp, options);
	  comp = replaceCarets(comp, options);
	  debug('caret', comp);
	  comp = replaceTildes(comp, options);
	  debug('tildes', comp);
	  comp = replaceXRanges(comp, options);
	  debug('xrange', comp);
	  comp = replaceStars(comp, options);
	  debug('stars', comp);
	  return comp
	};

	const isX = id => !id || id.toLowerCase() === 'x' || id === '*';

	const invalidXRangeOrder = (M, m, p) => (
	  (isX(M) && !isX(m)) ||
	  (isX(m) && p && !isX(p))
	);

	// ~, ~> --> * (any, kinda silly)
	// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
	// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
	// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
	// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
	// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
	// ~0.0.1 --> >=0.0.1 <0.1.0-0
	const replaceTildes = (comp, options) => {
	  return comp
	    .trim()
	    .split(/\s+/)
	    .map((c) => replaceTilde(c, options))
	    .join(' ')
	};

	const replaceTilde = (comp, options) => {
	  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
	  // if we're including prereleases in the match, then the lower bound is
	  // -0, the lowest possible prerelease value, just like x-ranges and carets.
	  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
	  const z = options.includePrerelease ? '-0' : '';
	  return comp.replace(r, (_, M, m, p, pr) => {
	    debug('tilde', comp, _, M, m, p, pr);
	    let ret;

	    if (isX(M)) {
	      ret = '';
	    } else if (isX(m)) {
	      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
	    } else if (isX(p)) {
	      // ~1.2 == >=1.2.0 <1.3.0-0
	      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
	    } else if (pr) {
	      debug('replaceTilde pr', pr);
	      ret = `>=${M}.${m}.${p}-${pr
	      } <${M}.${+m + 1}.0-0`;
	    } else {
	      // ~1.2.3 == >=1.2.3 <1.3.0-0
	      ret = `>=${M}.${m}.${p
	      } <${M}.${+m + 1}.0-0`;
	    }

	    debug('tilde return', ret);
	    return ret
	  })
	};

	// ^ --> * (any, kinda silly)
	// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
	// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
	// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
	// ^1.2.3 --> >=1.2.3 <2.0.0-0
	// ^1.2.0 --> >=1.2.0 <2.0.0-0
	// ^0.0.1 --> >=0.0.1 <0.0.2-0
	// ^0.1.0 --> >=0.1.0 <0.2.0-0
	const replaceCarets = (comp, options) => {
	  return comp
	    .trim()
	    .split(/\s+/)
	    .map((c) => replaceCaret(c, options))
	    .join(' ')
	};

	const replaceCaret = (comp, options) => {
	  debug('caret', comp, options);
	  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
	  const z = options.includePrerelease ? '-0' : '';
	  return comp.replace(r, (_, M, m, p, pr) => {
	    debug('caret', comp, _, M, m, p, pr);
	    let ret;

	    if (isX(M)) {
	      ret = '';
	    } else if (isX(m)) {
	      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
	    } else if (isX(p)) {
	      if (M === '0') {
	        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
	      } else {
	        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
	      }
	    } else if (pr) {
	      debug('replaceCaret pr', pr);
	      if (M === '0') {
	        if (m === '0') {
	          ret = `>=${M}.${m}.${p}-${pr
	          } <${M}.${m}.${+p + 1}-0`;
	        } else {
	          ret = `>=${M}.${m}.${p}-${pr
	          } <${M}.${+m + 1}.0-0`;
	        }
	      } else {
	        ret = `>=${M}.${m}.${p}-${pr
	        } <${+M + 1}.0.0-0`;
	      }
	    } else {
	      debug('no pr');
	      if (M === '0') {
	        if (m === '0') {
	          ret = `>=${M}.${m}.${p
	          } <${M}.${m}.${+p + 1}-0`;
	        } else {
	          ret = `>=${M}.${m}.${p
	          } <${M}.${+m + 1}.0-0`;
	        }
	      } else {
	        ret = `>=${M}.${m}.${p
	        } <${+M + 1}.0.0-0`;
	      }
	    }

	    debug('caret return', ret);
	    return ret
	  })
	};

	const replaceXRanges = (comp, options) => {
	  debug('replaceXRanges', comp, options);
	  return comp
	    .split(/\s+/)
	    .map((c) => replaceXRange(c, options))
	    .join(' ')
	};

	const replaceXRange = (comp, options) => {
	  comp = comp.trim();
	  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
	  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
	    debug('xRange', comp, ret, gtlt, M, m, p, pr);
	    if (invalidXRangeOrder(M, m, p)) {
	      return comp
	    }

	    const xM = isX(M);
	    const xm = xM || isX(m);
	    const xp = xm || isX(p);
	    const anyX = xp;

	    if (gtlt === '=' && anyX) {
	      gtlt = '';
	    }

	    // if we're including prereleases in the match, then we need
	    // to fix this to -0, the lowest possible prerelease value
	    pr = options.includePrerelease ? '-0' : '';

	    if (xM) {
	      if (gtlt === '>' || gtlt === '<') {
	        // nothing is allowed
	        ret = '<0.0.0-0';
	      } else {
	        // nothing is forbidden
	        ret = '*';
	      }
	    } else if (gtlt && anyX) {
	      // we know patch is an x, because we have any x at all.
	      // replace X with 0
	      if (xm) {
	        m = 0;
	      }
	      p = 0;

	      if (gtlt === '>') {
	        // >1 => >=2.0.0
	        // >1.2 => >=1.3.0
	        gtlt = '>=';
	        if (xm) {
	          M = +M + 1;
	          m = 0;
	          p = 0;
	        } else {
	          m = +m + 1;
	          p = 0;
	        }
	      } else if (gtlt === '<=') {
	        // <=0.7.x is actually <0.8.0, since any 0.7.x should
	        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
	        gtlt = '<';
	        if (xm) {
	          M = +M + 1;
	        } else {
	          m = +m + 1;
	        }
	      }

	      if (gtlt === '<') {
	        pr = '-0';
	      }

	      ret = `${gtlt + M}.${m}.${p}${pr}`;
	    } else if (xm) {
	      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
	    } else if (xp) {
	      ret = `>=${M}.${m}.0${pr
	      } <${M}.${+m + 1}.0-0`;
	    }

	    debug('xRange return', ret);

	    return ret
	  })
	};

	// Because * is AND-ed with everything else in the comparator,
	// and '' means "any version", just remove the *s entirely.
	const replaceStars = (comp, options) => {
	  debug('replaceStars', comp, options);
	  // Looseness is ignored here.  star is always as loose as it gets!
	  return comp
	    .trim()
	    .replace(re[t.STAR], '')
	};

	const replaceGTE0 = (comp, options) => {
	  debug('replaceGTE0', comp, options);
	  return comp
	    .trim()
	    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
	};

	// This function is passed to string.replace(re[t.HYPHENRANGE])
	// M, m, patch, prerelease, build
	// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
	// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
	// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
	// TODO build?
	const hyphenReplace = incPr => ($0,
	  from, fM, fm, fp, fpr, fb,
	  to, tM, tm, tp, tpr) => {
	  if (isX(fM)) {
	    from = '';
	  } else if (isX(fm)) {
	    from = `>=${fM}.0.0${incPr ? '-0' : ''}`;
	  } else if (isX(fp)) {
	    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`;
	  } else if (fpr) {
	    from = `>=${from}`;
	  } else {
	    from = `>=${from}${incPr ? '-0' : ''}`;
	  }

	  if (isX(tM)) {
	    to = '';
	  } else if (isX(tm)) {
	    to = `<${+tM + 1}.0.0-0`;
	  } else if (isX(tp)) {
	    to = `<${tM}.${+tm + 1}.0-0`;
	  } else if (tpr) {
	    to = `<=${tM}.${tm}.${tp}-${tpr}`;
	  } else if (incPr) {
	    to = `<${tM}.${tm}.${+tp + 1}-0`;
	  } else {
	    to = `<=${to}`;
	  }

	  return `${from} ${to}`.trim()
	};

	const testSet = (set, version, options) => {
	  for (let i = 0; i < set.length; i++) {
	    if (!set[i].test(version)) {
	      return false
	    }
	  }

	  if (version.prerelease.length && !options.includePrerelease) {
	    // Find the set of versions that are allowed to have prereleases
	    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
	    // That should allow `1.2.3-pr.2` to pass.
	    // However, `1.2.4-alpha.notready` should NOT be allowed,
	    // even though it's within the range set by the comparators.
	    for (let i = 0; i < set.length; i++) {
	      debug(set[i].semver);
	      if (set[i].semver === Comparator.ANY) {
	        continue
	      }

	      if (set[i].semver.prerelease.length > 0) {
	        const allowed = set[i].semver;
	        if (allowed.major === version.major &&
	            allowed.minor === version.minor &&
	            allowed.patch === version.patch) {
	          return true
	        }
	      }
	    }

	    // Version has a -pre, but it's not one of the ones we like.
	    return false
	  }

	  return true
	};
	return range;
}

var comparator;
var hasRequiredComparator;

function requireComparator () {
	if (hasRequiredComparator) return comparator;
	hasRequiredComparator = 1;

	const ANY = Symbol('SemVer ANY');
	// hoisted class for cyclic dependency
	class Comparator {
	  static get ANY () {
	    return ANY
	  }

	  constructor (comp, options) {
	    options = parseOptions(options);

	    if (comp instanceof Comparator) {
	      if (comp.loose === !!options.loose) {
	        return comp
	      } else {
	        comp = comp.value;
	      }
	    }

	    comp = comp.trim().split(/\s+/).join(' ');
	    debug('comparator', comp, options);
	    this.options = options;
	    this.loose = !!options.loose;
	    this.parse(comp);

	    if (this.semver === ANY) {
	      this.value = '';
	    } else {
	      this.value = this.operator + this.semver.version;
	    }

	    debug('comp', this);
	  }

	  parse (comp) {
	    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
	    const m = comp.match(r);

	    if (!m) {
	      throw new TypeError(`Invalid comparator: ${comp}`)
	    }

	    this.operator = m[1] !== undefined ? m[1] : '';
	    if (this.operator === '=') {
	      this.operator = '';
	    }

	    // if it literally is just '>' or '' then allow anything.
	    if (!m[2]) {
	      this.semver = ANY;
	    } else {
	      this.semver = new SemVer(m[2], this.options.loose);
	    }
	  }

	  toString () {
	    return this.value
	  }

	  test (version) {
	    debug('Comparator.test', version, this.options.loose);

	    if (this.semver === ANY || version === ANY) {
	      return true
	    }

	    if (typeof version === 'string') {
	      try {
	        version = new SemVer(version, this.options);
	      } catch (er) {
	        return false
	      }
	    }

	    return cmp(version, this.operator, this.semver, this.options)
	  }

	  intersects (comp, options) {
	    if (!(comp instanceof Comparator)) {
	      throw new TypeError('a Comparator is required')
	    }

	    if (this.operator === '') {
	      if (this.value === '') {
	        return true
	      }
	      return new Range(comp.value, options).test(this.value)
	    } else if (comp.operator === '') {
	      if (comp.value === '') {
	        return true
	      }
	      return new Range(this.value, options).test(comp.semver)
	    }

	    options = parseOptions(options);

	    // Special cases where nothing can possibly be lower
	    if (options.includePrerelease &&
	      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
	      return false
	    }
	    if (!options.includePrerelease &&
	      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
	      return false
	    }

	    // Same direction increasing (> or >=)
	    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
	      return true
	    }
	    // Same direction decreasing (< or <=)
	    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
	      return true
	    }
	    // same SemVer and both sides are inclusive (<= or >=)
	    if (
	      (this.semver.version === comp.semver.version) &&
	      this.operator.includes('=') && comp.operator.includes('=')) {
	      return true
	    }
	    // opposite directions less than
	    if (cmp(this.semver, '<', comp.semver, options) &&
	      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
	      return true
	    }
	    // opposite directions greater than
	    if (cmp(this.semver, '>', comp.semver, options) &&
	      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
	      return true
	    }
	    return false
	  }
	}

	comparator = Comparator;

	const parseOptions = requireParseOptions();
	const { safeRe: re, t } = requireRe();
	const cmp = requireCmp();
	const debug = requireDebug();
	const SemVer = requireSemver$1();
	const Range = requireRange();
	return comparator;
}

var satisfies_1;
var hasRequiredSatisfies;

function requireSatisfies () {
	if (hasRequiredSatisfies) return satisfies_1;
	hasRequiredSatisfies = 1;

	const Range = requireRange();
	const satisfies = (version, range, options) => {
	  try {
	    range = new Range(range, options);
	  } catch (er) {
	    return false
	  }
	  return range.test(version)
	};
	satisfies_1 = satisfies;
	return satisfies_1;
}

var toComparators_1;
var hasRequiredToComparators;

function requireToComparators () {
	if (hasRequiredToComparators) return toComparators_1;
	hasRequiredToComparators = 1;

	const Range = requireRange();

	// Mostly just for testing and legacy API reasons
	const toComparators = (range, options) =>
	  new Range(range, options).set
	    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '));

	toComparators_1 = toComparators;
	return toComparators_1;
}

var maxSatisfying_1;
var hasRequiredMaxSatisfying;

function requireMaxSatisfying () {
	if (hasRequiredMaxSatisfying) return maxSatisfying_1;
	hasRequiredMaxSatisfying = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();

	const maxSatisfying = (versions, range, options) => {
	  let max = null;
	  let maxSV = null;
	  let rangeObj = null;
	  try {
	    rangeObj = new Range(range, options);
	  } catch (er) {
	    return null
	  }
	  versions.forEach((v) => {
	    if (rangeObj.test(v)) {
	      // satisfies(v, range, options)
	      if (!max || maxSV.compare(v) === -1) {
	        // compare(max, v, true)
	        max = v;
	        maxSV = new SemVer(max, options);
	      }
	    }
	  });
	  return max
	};
	maxSatisfying_1 = maxSatisfying;
	return maxSatisfying_1;
}

var minSatisfying_1;
var hasRequiredMinSatisfying;

function requireMinSatisfying () {
	if (hasRequiredMinSatisfying) return minSatisfying_1;
	hasRequiredMinSatisfying = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();
	const minSatisfying = (versions, range, options) => {
	  let min = null;
	  let minSV = null;
	  let rangeObj = null;
	  try {
	    rangeObj = new Range(range, options);
	  } catch (er) {
	    return null
	  }
	  versions.forEach((v) => {
	    if (rangeObj.test(v)) {
	      // satisfies(v, range, options)
	      if (!min || minSV.compare(v) === 1) {
	        // compare(min, v, true)
	        min = v;
	        minSV = new SemVer(min, options);
	      }
	    }
	  });
	  return min
	};
	minSatisfying_1 = minSatisfying;
	return minSatisfying_1;
}

var minVersion_1;
var hasRequiredMinVersion;

function requireMinVersion () {
	if (hasRequiredMinVersion) return minVersion_1;
	hasRequiredMinVersion = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();
	const gt = requireGt();

	const minVersion = (range, loose) => {
	  range = new Range(range, loose);

	  let minver = new SemVer('0.0.0');
	  if (range.test(minver)) {
	    return minver
	  }

	  minver = new SemVer('0.0.0-0');
	  if (range.test(minver)) {
	    return minver
	  }

	  minver = null;
	  for (let i = 0; i < range.set.length; ++i) {
	    const comparators = range.set[i];

	    let setMin = null;
	    comparators.forEach((comparator) => {
	      // Clone to avoid manipulating the comparator's semver object.
	      const compver = new SemVer(comparator.semver.version);
	      switch (comparator.operator) {
	        case '>':
	          if (compver.prerelease.length === 0) {
	            compver.patch++;
	          } else {
	            compver.prerelease.push(0);
	          }
	          compver.raw = compver.format();
	          /* fallthrough */
	        case '':
	        case '>=':
	          if (!setMin || gt(compver, setMin)) {
	            setMin = compver;
	          }
	          break
	        case '<':
	        case '<=':
	          /* Ignore maximum versions */
	          break
	        /* istanbul ignore next */
	        default:
	          throw new Error(`Unexpected operation: ${comparator.operator}`)
	      }
	    });
	    if (setMin && (!minver || gt(minver, setMin))) {
	      minver = setMin;
	    }
	  }

	  if (minver && range.test(minver)) {
	    return minver
	  }

	  return null
	};
	minVersion_1 = minVersion;
	return minVersion_1;
}

var valid;
var hasRequiredValid;

function requireValid () {
	if (hasRequiredValid) return valid;
	hasRequiredValid = 1;

	const Range = requireRange();
	const validRange = (range, options) => {
	  try {
	    // Return '*' instead of '' so that truthiness works.
	    // This will throw if it's invalid anyway
	    return new Range(range, options).range || '*'
	  } catch (er) {
	    return null
	  }
	};
	valid = validRange;
	return valid;
}

var outside_1;
var hasRequiredOutside;

function requireOutside () {
	if (hasRequiredOutside) return outside_1;
	hasRequiredOutside = 1;

	const SemVer = requireSemver$1();
	const Comparator = requireComparator();
	const { ANY } = Comparator;
	const Range = requireRange();
	const satisfies = requireSatisfies();
	const gt = requireGt();
	const lt = requireLt();
	const lte = requireLte();
	const gte = requireGte();

	const outside = (version, range, hilo, options) => {
	  version = new SemVer(version, options);
	  range = new Range(range, options);

	  let gtfn, ltefn, ltfn, comp, ecomp;
	  switch (hilo) {
	    case '>':
	      gtfn = gt;
	      ltefn = lte;
	      ltfn = lt;
	      comp = '>';
	      ecomp = '>=';
	      break
	    case '<':
	      gtfn = lt;
	      ltefn = gte;
	      ltfn = gt;
	      comp = '<';
	      ecomp = '<=';
	      break
	    default:
	      throw new TypeError('Must provide a hilo val of "<" or ">"')
	  }

	  // If it satisfies the range it is not outside
	  if (satisfies(version, range, options)) {
	    return false
	  }

	  // From now on, variable terms are as if we're in "gtr" mode.
	  // but note that everything is flipped for the "ltr" function.

	  for (let i = 0; i < range.set.length; ++i) {
	    const comparators = range.set[i];

	    let high = null;
	    let low = null;

	    comparators.forEach((comparator) => {
	      if (comparator.semver === ANY) {
	        comparator = new Comparator('>=0.0.0');
	      }
	      high = high || comparator;
	      low = low || comparator;
	      if (gtfn(comparator.semver, high.semver, options)) {
	        high = comparator;
	      } else if (ltfn(comparator.semver, low.semver, options)) {
	        low = comparator;
	      }
	    });

	    // If the edge version comparator has a operator then our version
	    // isn't outside it
	    if (high.operator === comp || high.operator === ecomp) {
	      return false
	    }

	    // If the lowest version comparator has an operator and our version
	    // is less than it then it isn't higher than the range
	    if ((!low.operator || low.operator === comp) &&
	        ltefn(version, low.semver)) {
	      return false
	    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
	      return false
	    }
	  }
	  return true
	};

	outside_1 = outside;
	return outside_1;
}

var gtr_1;
var hasRequiredGtr;

function requireGtr () {
	if (hasRequiredGtr) return gtr_1;
	hasRequiredGtr = 1;

	// Determine if version is greater than all the versions possible in the range.
	const outside = requireOutside();
	const gtr = (version, range, options) => outside(version, range, '>', options);
	gtr_1 = gtr;
	return gtr_1;
}

var ltr_1;
var hasRequiredLtr;

function requireLtr () {
	if (hasRequiredLtr) return ltr_1;
	hasRequiredLtr = 1;

	const outside = requireOutside();
	// Determine if version is less than all the versions possible in the range
	const ltr = (version, range, options) => outside(version, range, '<', options);
	ltr_1 = ltr;
	return ltr_1;
}

var intersects_1;
var hasRequiredIntersects;

function requireIntersects () {
	if (hasRequiredIntersects) return intersects_1;
	hasRequiredIntersects = 1;

	const Range = requireRange();
	const intersects = (r1, r2, options) => {
	  r1 = new Range(r1, options);
	  r2 = new Range(r2, options);
	  return r1.intersects(r2, options)
	};
	intersects_1 = intersects;
	return intersects_1;
}

var simplify;
var hasRequiredSimplify;

function requireSimplify () {
	if (hasRequiredSimplify) return simplify;
	hasRequiredSimplify = 1;

	// given a set of versions and a range, create a "simplified" range
	// that includes the same versions that the original range does
	// If the original range is shorter than the simplified one, return that.
	const satisfies = requireSatisfies();
	const compare = requireCompare();
	simplify = (versions, range, options) => {
	  const set = [];
	  let first = null;
	  let prev = null;
	  const v = versions.sort((a, b) => compare(a, b, options));
	  for (const version of v) {
	    const included = satisfies(version, range, options);
	    if (included) {
	      prev = version;
	      if (!first) {
	        first = version;
	      }
	    } else {
	      if (prev) {
	        set.push([first, prev]);
	      }
	      prev = null;
	      first = null;
	    }
	  }
	  if (first) {
	    set.push([first, null]);
	  }

	  const ranges = [];
	  for (const [min, max] of set) {
	    if (min === max) {
	      ranges.push(min);
	    } else if (!max && min === v[0]) {
	      ranges.push('*');
	    } else if (!max) {
	      ranges.push(`>=${min}`);
	    } else if (min === v[0]) {
	      ranges.push(`<=${max}`);
	    } else {
	      ranges.push(`${min} - ${max}`);
	    }
	  }
	  const simplified = ranges.join(' || ');
	  const original = typeof range.raw === 'string' ? range.raw : String(range);
	  return simplified.length < original.length ? simplified : range
	};
	return simplify;
}

var subset_1;
var hasRequiredSubset;

function requireSubset () {
	if (hasRequiredSubset) return subset_1;
	hasRequiredSubset = 1;

	const Range = requireRange();
	const Comparator = requireComparator();
	const { ANY } = Comparator;
	const satisfies = requireSatisfies();
	const compare = requireCompare();

	// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
	// - Every simple range `r1, r2, ...` is a null set, OR
	// - Every simple range `r1, r2, ...` which is not a null set is a subset of
	//   some `R1, R2, ...`
	//
	// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
	// - If c is only the ANY comparator
	//   - If C is only the ANY comparator, return true
	//   - Else if in prerelease mode, return false
	//   - else replace c with `[>=0.0.0]`
	// - If C is only the ANY comparator
	//   - if in prerelease mode, return true
	//   - else replace C with `[>=0.0.0]`
	// - Let EQ be the set of = comparators in c
	// - If EQ is more than one, return true (null set)
	// - Let GT be the highest > or >= comparator in c
	// - Let LT be the lowest < or <= comparator in c
	// - If GT and LT, and GT.semver > LT.semver, return true (null set)
	// - If any C is a = range, and GT or LT are set, return false
	// - If EQ
	//   - If GT, and EQ does not satisfy GT, return true (null set)
	//   - If LT, and EQ does not satisfy LT, return true (null set)
	//   - If EQ satisfies every C, return true
	//   - Else return false
	// - If GT
	//   - If GT.semver is lower than any > or >= comp in C, return false
	//   - If GT is >=, and GT.semver does not satisfy every C, return false
	//   - If GT.semver has a prerelease, and not in prerelease mode
	//     - If no C has a prerelease and the GT.semver tuple, return false
	// - If LT
	//   - If LT.semver is greater than any < or <= comp in C, return false
	//   - If LT is <=, and LT.semver does not satisfy every C, return false
	//   - If LT.semver has a prerelease, and not in prerelease mode
	//     - If no C has a prerelease and the LT.semver tuple, return false
	// - Else return true

	const subset = (sub, dom, options = {}) => {
	  if (sub === dom) {
	    return true
	  }

	  sub = new Range(sub, options);
	  dom = new Range(dom, options);
	  let sawNonNull = false;

	  OUTER: for (const simpleSub of sub.set) {
	    for (const simpleDom of dom.set) {
	      const isSub = simpleSubset(simpleSub, simpleDom, options);
	      sawNonNull = sawNonNull || isSub !== null;
	      if (isSub) {
	        continue OUTER
	      }
	    }
	    // the null set is a subset of everything, but null simple ranges in
	    // a complex range should be ignored.  so if we saw a non-null range,
	    // then we know this isn't a subset, but if EVERY simple range was null,
	    // then it is a subset.
	    if (sawNonNull) {
	      return false
	    }
	  }
	  return true
	};

	const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')];
	const minimumVersion = [new Comparator('>=0.0.0')];

	const simpleSubset = (sub, dom, options) => {
	  if (sub === dom) {
	    return true
	  }

	  if (sub.length === 1 && sub[0].semver === ANY) {
	    if (dom.length === 1 && dom[0].semver === ANY) {
	      return true
	    } else if (options.includePrerelease) {
	      sub = minimumVersionWithPreRelease;
	    } else {
	      sub = minimumVersion;
	    }
	  }

	  if (dom.length === 1 && dom[0].semver === ANY) {
	    if (options.includePrerelease) {
	      return true
	    } else {
	      dom = minimumVersion;
	    }
	  }

	  const eqSet = new Set();
	  let gt, lt;
	  for (const c of sub) {
	    if (c.operator === '>' || c.operator === '>=') {
	      gt = higherGT(gt, c, options);
	    } else if (c.operator === '<' || c.operator === '<=') {
	      lt = lowerLT(lt, c, options);
	    } else {
	      eqSet.add(c.semver);
	    }
	  }

	  if (eqSet.size > 1) {
	    return null
	  }

	  let gtltComp;
	  if (gt && lt) {
	    gtltComp = compare(gt.semver, lt.semver, options);
	    if (gtltComp > 0) {
	      return null
	    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
	      return null
	    }
	  }

	  // will iterate one or zero times
	  for (const eq of eqSet) {
	    if (gt && !satisfies(eq, String(gt), options)) {
	      return null
	    }

	    if (lt && !satisfies(eq, String(lt), options)) {
	      return null
	    }

	    for (const c of dom) {
	      if (!satisfies(eq, String(c), options)) {
	        return false
	      }
	    }

	    return true
	  }

	  let higher, lower;
	  let hasDomLT, hasDomGT;
	  // if the subset has a prerelease, we need a comparator in the superset
	  // with the same tuple and a prerelease, or it's not a subset
	  let needDomLTPre = lt &&
	    !options.includePrerelease &&
	    lt.semver.prerelease.length ? lt.semver : false;
	  let needDomGTPre = gt &&
	    !options.includePrerelease &&
	    gt.semver.prerelease.length ? gt.semver : false;
	  // exception: <1.2.3-0 is the same as <1.2.3
	  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
	      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
	    needDomLTPre = false;
	  }

	  for (const c of dom) {
	    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>=';
	    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<=';
	    if (gt) {
	      if (needDomGTPre) {
	        if (c.semver.prerelease && c.semver.prerelease.length &&
	            c.semver.major === needDomGTPre.major &&
	            c.semver.minor === needDomGTPre.minor &&
	            c.semver.patch === needDomGTPre.patch) {
	          needDomGTPre = false;
	        }
	      }
	      if (c.operator === '>' || c.operator === '>=') {
	        higher = higherGT(gt, c, options);
	        if (higher === c && higher !== gt) {
	          return false
	        }
	      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
	        return false
	      }
	    }
	    if (lt) {
	      if (needDomLTPre) {
	        if (c.semver.prerelease && c.semver.prerelease.length &&
	            c.semver.major === needDomLTPre.major &&
	            c.semver.minor === needDomLTPre.minor &&
	            c.semver.patch === needDomLTPre.patch) {
	          needDomLTPre = false;
	        }
	      }
	      if (c.operator === '<' || c.operator === '<=') {
	        lower = lowerLT(lt, c, options);
	        if (lower === c && lower !== lt) {
	          return false
	        }
	      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
	        return false
	      }
	    }
	    if (!c.operator && (lt || gt) && gtltComp !== 0) {
	      return false
	    }
	  }

	  // if there was a < or >, and nothing in the dom, then must be false
	  // UNLESS it was limited by another range in the other direction.
	  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
	  if (gt && hasDomLT && !lt && gtltComp !== 0) {
	    return false
	  }

	  if (lt && hasDomGT && !gt && gtltComp !== 0) {
	    return false
	  }

	  // we needed a prerelease range in a specific tuple, but didn't get one
	  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
	  // because it includes prereleases in the 1.2.3 tuple
	  if (needDomGTPre || needDomLTPre) {
	    return false
	  }

	  return true
	};

	// >=1.2.3 is lower than >1.2.3
	const higherGT = (a, b, options) => {
	  if (!a) {
	    return b
	  }
	  const comp = compare(a.semver, b.semver, options);
	  return comp > 0 ? a
	    : comp < 0 ? b
	    : b.operator === '>' && a.operator === '>=' ? b
	    : a
	};

	// <=1.2.3 is higher than <1.2.3
	const lowerLT = (a, b, options) => {
	  if (!a) {
	    return b
	  }
	  const comp = compare(a.semver, b.semver, options);
	  return comp < 0 ? a
	    : comp > 0 ? b
	    : b.operator === '<' && a.operator === '<=' ? b
	    : a
	};

	subset_1 = subset;
	return subset_1;
}

var semver;
var hasRequiredSemver;

function requireSemver () {
	if (hasRequiredSemver) return semver;
	hasRequiredSemver = 1;

	// just pre-load all the stuff that index.js lazily exports
	const internalRe = requireRe();
	const constants = requireConstants();
	const SemVer = requireSemver$1();
	const identifiers = requireIdentifiers();
	const parse = requireParse();
	const valid = requireValid$1();
	const clean = requireClean();
	const inc = requireInc();
	const diff = requireDiff();
	const major = requireMajor();
	const minor = requireMinor();
	const patch = requirePatch();
	const prerelease = requirePrerelease();
	const compare = requireCompare();
	const rcompare = requireRcompare();
	const compareLoose = requireCompareLoose();
	const compareBuild = requireCompareBuild();
	const sort = requireSort();
	const rsort = requireRsort();
	const gt = requireGt();
	const lt = requireLt();
	const eq = requireEq();
	const neq = requireNeq();
	const gte = requireGte();
	const lte = requireLte();
	const cmp = requireCmp();
	const coerce = requireCoerce();
	const truncate = requireTruncate();
	const Comparator = requireComparator();
	const Range = requireRange();
	const satisfies = requireSatisfies();
	const toComparators = requireToComparators();
	const maxSatisfying = requireMaxSatisfying();
	const minSatisfying = requireMinSatisfying();
	const minVersion = requireMinVersion();
	const validRange = requireValid();
	const outside = requireOutside();
	const gtr = requireGtr();
	const ltr = requireLtr();
	const intersects = requireIntersects();
	const simplifyRange = requireSimplify();
	const subset = requireSubset();
	semver = {
	  parse,
	  valid,
	  clean,
	  inc,
	  diff,
	  major,
	  minor,
	  patch,
	  prerelease,
	  compare,
	  rcompare,
	  compareLoose,
	  compareBuild,
	  sort,
	  rsort,
	  gt,
	  lt,
	  eq,
	  neq,
	  gte,
	  lte,
	  cmp,
	  coerce,
	  truncate,
	  Comparator,
	  Range,
	  satisfies,
	  toComparators,
	  maxSatisfying,
	  minSatisfying,
	  minVersion,
	  validRange,
	  outside,
	  gtr,
	  ltr,
	  intersects,
	  simplifyRange,
	  subset,
	  SemVer,
	  re: internalRe.re,
	  src: internalRe.src,
	  tokens: internalRe.t,
	  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
	  RELEASE_TYPES: constants.RELEASE_TYPES,
	  compareIdentifiers: identifiers.compareIdentifiers,
	  rcompareIdentifiers: identifiers.rcompareIdentifiers,
	};
	return semver;
}

var semverExports = requireSemver();

// The workspace's manifests, read once at the edge: analyses get their text, never the file system.
/** Text of each file by path; null for a file that cannot be read (an analysis then says "line unknown"). */
function readManifests(files, readText = readTextFile) {
    const out = new Map();
    for (const file of files)
        if (!out.has(file))
            out.set(file, readText(file));
    return out;
}
function readTextFile(file) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch {
        return null;
    }
}
/** The manifests of the workspace members. */
function memberManifestPaths(meta) {
    const members = new Set(meta.workspace_members);
    return meta.packages.filter(p => members.has(p.id)).map(p => p.manifest_path);
}

// `cargo metadata --format-version 1`: the subset the gate reads, and the workspace facts drawn from it.
const LIB_KINDS$3 = new Set(['lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro']);
/** A library target, whatever its crate type. */
const isLibTarget = (t) => t.kind.some(k => LIB_KINDS$3.has(k));
function parseMetadata(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new GateError('cargo', `cargo metadata printed output that is not JSON (${e.message}).`);
    }
    const m = value;
    if (!m || typeof m !== 'object' || !Array.isArray(m.packages) || !Array.isArray(m.workspace_members))
        throw new GateError('cargo', 'cargo metadata output lacks packages/workspace_members; is this cargo too old?');
    if (m.version !== 1)
        throw new GateError('cargo', `cargo metadata format version ${String(m.version)} is not 1.`);
    const bad = shapeProblem(m);
    if (bad)
        throw new GateError('cargo', `cargo metadata output cannot be read: ${bad}.`);
    return m;
}
// What the analyses rely on, checked once here so that none of them crashes on a surprise.
function shapeProblem(m) {
    if (typeof m.workspace_root !== 'string')
        return 'workspace_root is not a path';
    for (const p of m.packages ?? []) {
        if (typeof p !== 'object' || p === null)
            return 'a package is not an object';
        for (const k of ['id', 'name', 'version', 'manifest_path'])
            if (typeof p[k] !== 'string')
                return `package ${String(p.id)} has no ${k}`;
        if (!Array.isArray(p.dependencies) || !Array.isArray(p.targets))
            return `package ${p.id} has no dependencies/targets lists`;
    }
    if (m.resolve != null) {
        if (!Array.isArray(m.resolve.nodes))
            return 'resolve.nodes is not a list';
        for (const n of m.resolve.nodes)
            if (typeof n?.id !== 'string' || !Array.isArray(n.deps))
                return 'a resolve node has no id/deps';
    }
    return null;
}
function workspaceMembers(meta) {
    const ids = new Set(meta.workspace_members);
    return meta.packages.filter(p => ids.has(p.id));
}
/** `1.85` → `1.85.0`; null when it is not a Rust version. */
function normalizeRustVersion(v) {
    if (!v)
        return null;
    const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v.trim());
    if (!m)
        return null;
    return semverExports.valid(`${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}`);
}
/** `[workspace.package] rust-version` of the root manifest, if declared. */
function declaredMsrv(manifest) {
    try {
        const parsed = parse(manifest ?? '');
        const v = parsed.workspace?.package?.['rust-version'];
        return typeof v === 'string' ? v : null;
    }
    catch {
        return null; // cargo metadata already accepted the manifest; its own reading stands.
    }
}
/**
 * The workspace MSRV: `[workspace.package] rust-version` when declared (passed in by the caller,
 * who reads the root manifest), else the lowest `rust-version` of the members, else null.
 */
function workspaceMsrv(meta, declared) {
    if (declared)
        return declared;
    const versions = workspaceMembers(meta)
        .map(p => p.rust_version)
        .filter((v) => !!normalizeRustVersion(v));
    if (versions.length === 0)
        return null;
    return versions.sort((a, b) => semverExports.compare(normalizeRustVersion(a), normalizeRustVersion(b)))[0];
}
function workspaceInfo(meta, declaredMsrv, toolchain, requestedToolchain) {
    return {
        root: meta.workspace_root,
        members: workspaceMembers(meta).map(p => ({
            name: p.name,
            version: p.version,
            manifestPath: p.manifest_path,
            rustVersion: p.rust_version,
            edition: p.edition
        })),
        msrv: workspaceMsrv(meta, declaredMsrv),
        toolchain,
        requestedToolchain
    };
}

// Names and paths sort by UTF-16 code unit: the same order on every machine (localeCompare follows the
// runner's locale), and no ICU collator to load at the start of every run.
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// The resolved dependency graph, built once from `cargo metadata`, and the shortest chain from a
// workspace member to any package. Every conflict pass reads this instead of re-walking metadata.
// Normal before build before dev: among equally short chains, prefer the one that ships.
const KIND_ORDER = { normal: 0, build: 1, dev: 2 };
/** `manifests`: the root's and the members' manifest texts, read once by the caller (by default, read here). */
function buildGraph(meta, manifests = readManifests([
    rootManifest(meta),
    ...memberManifestPaths(meta)
])) {
    if (!meta.resolve)
        throw new GateError('cargo', 'cargo metadata has no resolve graph; it must run without --no-deps for the conflict checks.');
    const packages = new Map(meta.packages.map(p => [p.id, p]));
    const edges = new Map();
    for (const node of meta.resolve.nodes) {
        const out = [];
        for (const dep of node.deps) {
            // Metadata written by cargo before 1.41 has no dep_kinds; treat such a dependency as normal.
            const kinds = dep.dep_kinds?.length ? dep.dep_kinds.map(k => k.kind ?? 'normal') : ['normal'];
            for (const kind of new Set(kinds))
                out.push({ to: dep.pkg, kind });
        }
        out.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byCodeUnit(nameOf$1(packages, a.to), nameOf$1(packages, b.to)));
        edges.set(node.id, out);
    }
    const members = meta.workspace_members
        .filter(id => packages.has(id))
        .sort((a, b) => byCodeUnit(nameOf$1(packages, a), nameOf$1(packages, b)));
    const graph = {
        packages,
        edges,
        members,
        normalChains: new Map(),
        anyChains: new Map(),
        manifests,
        workspaceRustVersion: declaredMsrv(manifests.get(rootManifest(meta)) ?? null)
    };
    graph.normalChains = shortestChains(graph, members, new Set());
    graph.anyChains = shortestChains(graph, members, new Set(members));
    return graph;
}
const rootManifest = (meta) => path.join(meta.workspace_root, 'Cargo.toml');
/**
 * What one member pulls in, as the resolved graph has it (every member's features unified, so a
 * superset of what the member builds alone): normal and build edges, then its own dev-dependencies.
 */
function memberReach(graph, member) {
    const out = new Map();
    for (const [id, chain] of shortestChains(graph, [member], new Set()))
        out.set(id, { chain, devOnly: false });
    for (const [id, chain] of shortestChains(graph, [member], new Set([member])))
        if (!out.has(id))
            out.set(id, { chain, devOnly: true });
    return out;
}
/**
 * BFS from `sources`. A dev edge is followed only out of a package in `devFrom` (members): cargo
 * never builds the dev-dependencies of a dependency.
 */
function shortestChains(graph, sources, devFrom) {
    const previous = new Map();
    const queue = [];
    for (const id of sources) {
        previous.set(id, null);
        queue.push(id);
    }
    for (let i = 0; i < queue.length; i++) {
        const id = queue[i];
        for (const edge of graph.edges.get(id) ?? []) {
            if (edge.kind === 'dev' && !devFrom.has(id))
                continue;
            if (previous.has(edge.to))
                continue;
            previous.set(edge.to, { from: id, kind: edge.kind });
            queue.push(edge.to);
        }
    }
    const chains = new Map();
    for (const id of previous.keys()) {
        const links = [];
        // The last link depends on nothing further in this chain: its kind is 'normal' by convention.
        let kind = 'normal';
        for (let at = id; at !== undefined;) {
            const pkg = graph.packages.get(at);
            links.unshift({ name: pkg.name, version: pkg.version, kind });
            const step = previous.get(at);
            kind = step?.kind ?? 'normal';
            at = step?.from;
        }
        chains.set(id, links);
    }
    return chains;
}
/** The chain to a package and whether it is reached only through a member's dev-dependency. */
function chainTo(graph, id) {
    const normal = graph.normalChains.get(id);
    if (normal)
        return { chain: normal, devOnly: false };
    const any = graph.anyChains.get(id);
    return any ? { chain: any, devOnly: true } : null;
}
/** Packages reachable from the members (dev edges out of members included), sorted by name then version. */
function reachablePackages(graph) {
    return [...graph.anyChains.keys()]
        .map(id => graph.packages.get(id))
        .sort((a, b) => byCodeUnit(a.name, b.name) || compareLoose(a.version, b.version));
}
function nameOf$1(packages, id) {
    return packages.get(id)?.name ?? id;
}
function compareLoose(a, b) {
    return semverExports.valid(a) && semverExports.valid(b)
        ? semverExports.compare(a, b)
        : a.localeCompare(b, 'en', { numeric: true });
}
/** `toka-core -dev→ testkit 0.1.0 → memchr 1.0.2`: the member by name, every other link with its version. */
function formatChain(chain) {
    return chain
        .map((link, i) => {
        const label = i === 0 ? link.name : `${link.name} ${link.version}`;
        if (i === chain.length - 1)
            return label;
        return `${label} ${link.kind === 'normal' ? '→' : `-${link.kind}→`}`;
    })
        .join(' ');
}

// cargo's plain-text refusals to build with the active toolchain (stderr, never JSON), read into
// crate/version/requirement so the report can say who needs what. Three wordings cargo has used:
//   cargo ≥ 1.80ish: `rustc 1.95.0 is not supported by the following package(s):` + `  foo@1.2.3 requires rustc 1.99`
//   older cargo:     package `foo v1.2.3` cannot be built because it requires rustc 1.99 or newer, while …
//   cargo < 1.85 reading an edition-2024 manifest: failed to parse manifest at `…/foo-1.2.3/Cargo.toml` …
//                    feature `edition2024` is required
// Cargo features that gate a new edition, and the first release that has them stable.
const EDITION_FEATURES = {
    edition2018: '1.31',
    edition2021: '1.56',
    edition2024: '1.85'
};
const UNSUPPORTED_HEADER = /rustc (\S+) is not supported by the following packages?:/;
const UNSUPPORTED_ITEM = /^\s+([A-Za-z0-9_-]+)@(\S+) requires rustc (\S+)/;
const CANNOT_BUILD = /(?:package|cannot install package) `([A-Za-z0-9_-]+) v?([^\s`]+)(?: \([^)]*\))?`,? (?:cannot be built because )?it requires rustc (\S+) or newer, while the currently active rustc version is (\S+?)\.?(?=\s|$)/;
const FEATURE_REQUIRED = /feature `([^`]+)` is required/;
const PARSE_MANIFEST = /failed to parse manifest at `([^`]+)`/;
const DOWNLOAD = /failed to download `([A-Za-z0-9_-]+) v(\S+)`/;
const CARGO_VERSION = /not stabilized in this version of Cargo \((\d+\.\d+\.\d+)/;
function parseCargoRefusals(stderr) {
    const lines = stderr.split(/\r?\n/).map(stripAnsi);
    const found = [];
    let rustc = null;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const header = UNSUPPORTED_HEADER.exec(line);
        if (header) {
            rustc = header[1];
            continue;
        }
        const item = rustc ? UNSUPPORTED_ITEM.exec(line) : null;
        if (item) {
            found.push(rustcRefusal(item[1], item[2], item[3], rustc));
            continue;
        }
        if (!/^\s/.test(line))
            rustc = null;
        const old = CANNOT_BUILD.exec(line);
        if (old) {
            found.push(rustcRefusal(old[1], old[2], old[3], old[4]));
            continue;
        }
        const feature = FEATURE_REQUIRED.exec(line);
        if (feature)
            found.push(featureRefusal(feature[1], lines, i));
    }
    return dedupe$1(found);
}
function rustcRefusal(crate, version, requires, active) {
    return {
        crate,
        version,
        requires,
        message: `cargo refused to build: ${crate} ${version} requires rustc ${requires}, the active rustc is ${active}`
    };
}
/** The crate is named by the nearest `failed to download`/`failed to parse manifest` line above. */
function featureRefusal(feature, lines, at) {
    let crate = null;
    let version = null;
    for (let j = at - 1; j >= 0 && crate === null; j--) {
        const manifest = PARSE_MANIFEST.exec(lines[j]);
        if (manifest)
            ({ crate, version } = crateFromManifestPath(manifest[1]));
        const download = DOWNLOAD.exec(lines[j]);
        if (download)
            [crate, version] = [download[1], download[2]];
        if (lines[j].startsWith('error'))
            break;
    }
    const cargo = lines
        .slice(at, at + 4)
        .map(l => CARGO_VERSION.exec(l)?.[1])
        .find(Boolean) ?? null;
    const requires = EDITION_FEATURES[feature] ?? null;
    const who = crate ? `${crate}${version ? ` ${version}` : ''}` : 'a package';
    const edition = /^edition(\d{4})$/.exec(feature)?.[1];
    const what = edition ? `uses edition ${edition}` : `needs the Cargo feature \`${feature}\``;
    const have = cargo ? `this Cargo (${cargo})` : 'this Cargo';
    const needs = requires ? `; it needs Rust ${requires} or newer` : '';
    return {
        crate,
        version,
        requires,
        message: `cargo refused to build: ${who} ${what}, which ${have} cannot read${needs}`
    };
}
/** `…/base64ct-1.8.0/Cargo.toml` → base64ct 1.8.0; a path dependency's directory is its name alone. */
function crateFromManifestPath(file) {
    const dir = file.replace(/\\/g, '/').split('/').slice(-2, -1)[0] ?? '';
    const m = /^(.+?)-(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)$/.exec(dir);
    if (m)
        return { crate: m[1], version: m[2] };
    return { crate: dir || null, version: null };
}
function dedupe$1(refusals) {
    const seen = new Set();
    return refusals.filter(r => {
        const key = `${r.crate}@${r.version}:${r.requires}:${r.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function stripAnsi(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/\u001b\[[0-9;]*m/g, '');
}

// Crates resolved at more than one version in the graph, each version with the shortest chain that
// pulls it in (what `cargo tree -d` shows, as data).
function findDuplicates(graph, options) {
    const byName = new Map();
    for (const pkg of reachablePackages(graph)) {
        const reached = chainTo(graph, pkg.id);
        if (!reached)
            continue;
        const versions = byName.get(pkg.name) ?? [];
        versions.push({
            version: pkg.version,
            member: reached.chain[0].name,
            ...reached,
            manifest: manifestOf$1(graph, reached.chain),
            source: pkg.source,
            ...(pkg.source === null ? { dir: relativeDir(options.root, pkg.manifest_path) } : {})
        });
        byName.set(pkg.name, versions);
    }
    const duplicates = [];
    for (const [name, all] of byName) {
        const counted = options.includeDev ? all : all.filter(v => !v.devOnly);
        if (counted.length < 2)
            continue;
        duplicates.push({
            name,
            versions: [...all].sort((a, b) => compareLoose(a.version, b.version)),
            allowed: options.allow.includes(name)
        });
    }
    duplicates.sort((a, b) => byCodeUnit(a.name, b.name));
    // An entry for a dev-only duplicate is not stale: it starts to matter with include-dev.
    const resolved = versionsByName(graph);
    const staleAllowEntries = options.allow.filter(a => (resolved.get(a)?.length ?? 0) < 2);
    return { duplicates, staleAllowEntries };
}
/** A path package's directory relative to the root, with `/` (what `[patch]` and a summary show). */
function relativeDir(root, manifest) {
    return path.relative(root, path.dirname(manifest)).split(path.sep).join('/') || '.';
}
/** Every version each name resolves to, dev-only versions included. */
function versionsByName(graph) {
    const byName = new Map();
    for (const pkg of reachablePackages(graph))
        byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg.version]);
    return byName;
}
function manifestOf$1(graph, chain) {
    if (chain.length < 2)
        return null;
    const member = graph.members.map(id => graph.packages.get(id)).find(p => p.name === chain[0].name);
    return member
        ? dependencyRef(member.manifest_path, graph.manifests.get(member.manifest_path), chain[1].name, chain[0].kind)
        : null;
}

// What Rust each resolved package needs (its rust-version, or at least what its edition needs) against
// what the build has: the active toolchain builds everything; each member's rust-version is a promise
// about what that member pulls in, and about nothing another member pulls in.
/** The first release that accepts each edition. */
const EDITION_RUST = {
    '2015': '1.0',
    '2018': '1.31',
    '2021': '1.56',
    '2024': '1.85'
};
/** The higher of the package's rust-version and its edition's first release; null when it states neither. */
function requirementOf$1(pkg) {
    const declared = normalizeRustVersion(pkg.rust_version) ? pkg.rust_version : null;
    const edition = EDITION_RUST[pkg.edition] ?? null;
    if (!declared)
        return edition ? { requires: edition, because: 'edition' } : null;
    if (edition && semverExports.gt(norm(edition), norm(declared)))
        return { requires: edition, because: 'edition' };
    return { requires: declared, because: 'rust-version' };
}
/** The rust-version a member is held to: its own, else `[workspace.package]`'s; null: none. */
function memberMsrv(graph, pkg) {
    if (normalizeRustVersion(pkg.rust_version))
        return { have: pkg.rust_version, from: 'member' };
    const ws = graph.workspaceRustVersion;
    return ws && normalizeRustVersion(ws) ? { have: ws, from: 'workspace' } : null;
}
function findRustVersionFindings(graph, options) {
    return [...toolchainFindings(graph, options), ...msrvFindings(graph, options)];
}
/** Members whose rust-version the resolved graph says is broken: only these need cargo tree's closer look. */
function msrvSuspects(graph, options) {
    // A member's own edition needs no closer look: only what it pulls in does.
    return graph.members.filter(id => memberFindings(graph, id, options, memberReach(graph, id)).some(f => f.chain.length > 1));
}
function toolchainFindings(graph, options) {
    const have = options.toolchain;
    if (!have || !normalizeRustVersion(have))
        return [];
    const out = [];
    for (const pkg of reachablePackages(graph)) {
        const need = requirementOf$1(pkg);
        const reached = chainTo(graph, pkg.id);
        if (!need || !reached || !exceeds(need, have))
            continue;
        const member = graph.members.includes(pkg.id);
        out.push({
            ...base$1(graph, pkg, need, reached.chain),
            against: 'toolchain',
            have,
            member: reached.chain[0].name,
            fixes: member
                ? [`build with Rust ${need.requires} or newer (the toolchain input or rust-toolchain.toml)`]
                : [
                    `build with Rust ${need.requires} or newer (the toolchain input or rust-toolchain.toml)`,
                    `or ${pin(pkg, have)}`
                ]
        });
    }
    return out;
}
function msrvFindings(graph, options) {
    return graph.members.flatMap(id => memberFindings(graph, id, options, options.memberDeps?.get(id) ?? memberReach(graph, id)));
}
function memberFindings(graph, id, options, reach) {
    const member = graph.packages.get(id);
    const msrv = memberMsrv(graph, member);
    if (!msrv)
        return [];
    const out = [];
    // A member's own rust-version below its edition is cargo's to refuse; one held to the workspace's
    // is checked on its edition.
    if (msrv.from === 'workspace') {
        const own = requirementOf$1({ edition: member.edition, rust_version: null });
        if (own && exceeds(own, msrv.have))
            out.push({
                ...base$1(graph, member, own, [{ name: member.name, version: member.version, kind: 'normal' }]),
                against: 'msrv',
                have: msrv.have,
                msrvFrom: msrv.from,
                member: member.name,
                fixes: [
                    `raise rust-version of ${member.name} to ${own.requires}`,
                    `or use an edition that Rust ${msrv.have} supports in ${member.name}`
                ]
            });
    }
    const ids = [...reach.keys()].filter(d => d !== id).map(d => graph.packages.get(d));
    for (const pkg of ids.filter((p) => !!p)) {
        const { chain, devOnly } = reach.get(pkg.id);
        const need = requirementOf$1(pkg);
        if (!need || (devOnly && !options.includeDev) || !exceeds(need, msrv.have))
            continue;
        const where = msrv.from === 'member' && !inheritsRustVersion(graph, member)
            ? `${member.name}'s Cargo.toml`
            : '[workspace.package]';
        const raise = `raise rust-version to ${need.requires} in ${where}`;
        out.push({
            ...base$1(graph, pkg, need, chain),
            against: 'msrv',
            have: msrv.have,
            msrvFrom: msrv.from,
            member: member.name,
            devOnly,
            // Another member is not moved by a lock change: its own promise is what differs.
            fixes: graph.members.includes(pkg.id)
                ? [raise, `or make ${pkg.name} build with Rust ${msrv.have} and lower its rust-version`]
                : [pin(pkg, msrv.have), `or ${raise}`]
        });
    }
    return out;
}
function base$1(graph, pkg, need, chain) {
    return {
        name: pkg.name,
        version: pkg.version,
        requires: need.requires,
        requiresBecause: need.because,
        edition: pkg.edition,
        chain,
        manifest: manifestFor(graph, pkg, chain, need)
    };
}
/** `rust-version.workspace = true`: the member's rust-version is `[workspace.package]`'s. */
function inheritsRustVersion(graph, member) {
    try {
        const doc = parse(graph.manifests.get(member.manifest_path) ?? '');
        const v = doc.package?.['rust-version'];
        return typeof v === 'object' && v !== null && v.workspace === true;
    }
    catch {
        return false;
    }
}
const pin = (pkg, have) => `pin ${pkg.name} to a version that supports Rust ${have}: \`cargo update -p ${pkg.name}@${pkg.version} --precise <older version>\``;
const exceeds = (need, have) => !!normalizeRustVersion(have) && semverExports.gt(norm(need.requires), norm(have));
function manifestFor(graph, pkg, chain, need) {
    if (chain.length === 1)
        return packageKeyRef(pkg.manifest_path, graph.manifests.get(pkg.manifest_path), need.because === 'edition' ? 'edition' : 'rust-version');
    const member = graph.members.map(id => graph.packages.get(id)).find(p => p.name === chain[0].name);
    return member
        ? dependencyRef(member.manifest_path, graph.manifests.get(member.manifest_path), chain[1].name, chain[0].kind)
        : null;
}
function norm(v) {
    return normalizeRustVersion(v) ?? '0.0.0';
}

function findSingleVersionViolations(graph, crates, includeDev) {
    const wanted = new Set(crates);
    const byName = new Map();
    for (const pkg of reachablePackages(graph)) {
        if (!wanted.has(pkg.name))
            continue;
        const reached = chainTo(graph, pkg.id);
        if (!reached || (reached.devOnly && !includeDev))
            continue;
        byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg.version]);
    }
    return [...byName]
        .filter(([, versions]) => versions.length > 1)
        .map(([name, versions]) => ({ name, versions }));
}

// Dependency conflicts from the resolved graph: duplicate versions, single-version crates, and what Rust
// each package needs; plus what cargo itself refused. Data in, section out; the findings are decided in
// findings.ts.
/**
 * `meta` null means `cargo metadata` itself failed (e.g. an old cargo that cannot read an edition-2024
 * manifest): only cargo's refusals can be reported then.
 */
function analyzeConflicts(meta, graph, options) {
    const cargoRefusals = parseCargoRefusals((options.cargoErrors ?? []).join('\n'));
    if (!meta)
        return {
            duplicates: [],
            singleVersionViolations: [],
            staleAllowEntries: [],
            rustVersion: [],
            cargoRefusals
        };
    const g = graph ?? buildGraph(meta);
    const includeDev = options.duplicateVersionsIncludeDev;
    const { duplicates, staleAllowEntries } = findDuplicates(g, {
        includeDev,
        allow: options.allowDuplicates,
        root: meta.workspace_root
    });
    return {
        duplicates,
        singleVersionViolations: findSingleVersionViolations(g, options.singleVersionCrates, includeDev),
        staleAllowEntries,
        rustVersion: options.msrvCheck === 'off'
            ? []
            : findRustVersionFindings(g, {
                toolchain: options.toolchain,
                includeDev: options.msrvCheckIncludeDev,
                memberDeps: options.memberDeps
            }),
        cargoRefusals
    };
}

// Dependency conflicts as findings, severity decided once from the policy inputs: duplicate versions
// (duplicate-versions, allow-duplicates), single-version crates, Rust versions (msrv-check), cargo's
// refusals and stale allow-duplicates entries.
const SOURCE$5 = 'conflicts';
/** `root` makes manifest locations relative (the workspace root); '' keeps them as recorded. */
function conflictFindingList(section, policy, root = '') {
    const out = [];
    const at = (ref) => ref ? { file: root ? path.relative(root, path.resolve(root, ref.file)) : ref.file, line: ref.line } : null;
    for (const d of section.duplicates) {
        const counted = d.versions.filter(v => policy.duplicateVersionsIncludeDev || !v.devOnly);
        if (counted.length < 2)
            continue;
        const severity = d.allowed || policy.duplicateVersions === 'allow'
            ? 'allowed'
            : policy.duplicateVersions === 'deny'
                ? 'block'
                : 'warn';
        out.push({
            code: 'duplicate-versions',
            severity,
            message: duplicateMessage(d.name, counted),
            source: SOURCE$5,
            crate: d.name,
            location: at(counted.find(v => v.manifest)?.manifest)
        });
    }
    for (const v of section.singleVersionViolations)
        out.push({
            code: 'single-version',
            severity: 'block',
            message: `${v.name} must resolve to one version (single-version-crates) but resolves to ${v.versions.join(' and ')}`,
            source: SOURCE$5,
            crate: v.name
        });
    for (const entry of section.staleAllowEntries)
        out.push({
            code: 'stale-allow',
            severity: 'warn',
            message: `allow-duplicates lists ${entry}, which is not resolved at several versions; remove the entry`,
            source: SOURCE$5,
            crate: entry
        });
    if (policy.msrvCheck !== 'off')
        for (const f of section.rustVersion) {
            const why = f.requiresBecause === 'edition' ? `edition ${f.edition}` : 'its rust-version';
            const via = f.chain.length > 1 ? `, pulled in by ${formatChain(f.chain)}${f.devOnly ? ' (dev only)' : ''}` : '';
            out.push({
                code: 'msrv',
                severity: policy.msrvCheck === 'deny' ? 'block' : 'warn',
                message: `${f.name} ${f.version} needs Rust ${f.requires} (${why}) but ${haveText(f)}${via}. Fix: ${f.fixes.join('; ')}`,
                source: SOURCE$5,
                crate: f.name,
                version: f.version,
                location: at(f.manifest)
            });
        }
    // A refusal of a crate the analysis already explained (same crate and version) says nothing new.
    const explained = new Set(section.rustVersion.map(f => `${f.name}@${f.version}`));
    for (const r of section.cargoRefusals)
        if (!r.crate || !explained.has(`${r.crate}@${r.version}`) || policy.msrvCheck !== 'deny')
            out.push({
                code: 'cargo-refused',
                severity: 'block',
                message: r.message,
                source: SOURCE$5,
                crate: r.crate,
                version: r.version
            });
    return out;
}
/** What the package is measured against, in words: the toolchain, or the rust-version of the member that pulls it in. */
function haveText(f) {
    if (f.against === 'toolchain')
        return `the toolchain is ${f.have}`;
    if (f.msrvFrom === 'member')
        return `${f.member}'s rust-version is ${f.have}`;
    if (f.msrvFrom === 'workspace')
        return `${f.member} is held to [workspace.package] rust-version ${f.have} (it declares none)`;
    return `the workspace MSRV is ${f.have}`; // a report written before rust-version was judged per member
}
/**
 * One crate at several versions; or one version from several sources (a workspace's path crate and its
 * registry copy), which cargo builds as two crates that no requirement can merge: `[patch]` does.
 */
function duplicateMessage(name, counted) {
    // Reports written before sources were recorded say nothing about them.
    const twice = counted.filter(v => v.source !== undefined && counted.some(o => o !== v && o.version === v.version));
    const label = (v) => twice.includes(v) ? ` from ${v.source === null ? `the path ${v.dir ?? '?'}` : sourceName(v.source)}` : '';
    const list = counted
        .map(v => `${v.version}${label(v)} ${via(v)}${v.devOnly ? ' (dev only)' : ''}`)
        .join('; ');
    const allow = `list ${name} in allow-duplicates`;
    if (twice.length === 0)
        return `${name} resolves to ${counted.length} versions: ${list}. Align the requirements on one version, or ${allow}`;
    const local = twice.find(v => v.source === null);
    const patch = local && twice.find(v => typeof v.source === 'string' && isCratesIo(v.source));
    const fix = patch
        ? `add \`${name} = { path = "${local.dir}" }\` under [patch.crates-io] in the root Cargo.toml, so that every dependent takes the workspace's ${name}`
        : `take ${name} from one source everywhere (a [patch] section in the root Cargo.toml replaces a source's copy)`;
    return `${name} ${twice[0].version} comes from ${new Set(twice.map(v => v.source)).size} sources, which cargo builds as separate crates: ${list}. Aligning requirements cannot merge them: ${fix}, or ${allow}`;
}
const via = (v) => v.chain.length === 1 ? '(a workspace member)' : `via ${formatChain(v.chain)}`;
const CRATES_IO = ['registry+https://github.com/rust-lang/crates.io-index', 'sparse+https://index.crates.io/'];
const isCratesIo = (source) => CRATES_IO.includes(source);
function sourceName(source) {
    if (source === undefined)
        return 'another source';
    if (isCratesIo(source))
        return 'crates.io';
    return source.replace(/^(registry|sparse|git)\+/, '').replace(/[?#].*$/, '');
}

// The conflicts section for people: a job-summary table, terminal text, and annotations on the member
// Cargo.toml line through which each conflict arrives.
// What each conflict does to the verdict is read from its finding, never worked out again here.
function isEmpty$2(section) {
    return (section.duplicates.length +
        section.singleVersionViolations.length +
        section.staleAllowEntries.length +
        section.rustVersion.length +
        section.cargoRefusals.length ===
        0);
}
/** `findings`: the conflicts' findings of the report, which say what each conflict does to the verdict. */
function conflictsMarkdown(section, findings) {
    const out = ['### Dependency conflicts', ''];
    if (isEmpty$2(section))
        return [...out, 'No duplicate versions, single-version violations or Rust version conflicts.', ''].join('\n');
    const rows = duplicateRows(section, findings);
    if (rows.length > 0) {
        out.push('| crate | versions | chain per version | verdict impact |', '| --- | --- | --- | --- |');
        for (const r of rows)
            out.push(`| ${cells([`\`${r.name}\``, r.versions.join(', '), r.chains.join('<br>'), r.impact])} |`);
        out.push('');
    }
    if (section.rustVersion.length > 0) {
        out.push('| crate | needs Rust | has | chain | verdict impact | fix |', '| --- | --- | --- | --- | --- | --- |');
        for (const f of section.rustVersion)
            out.push(`| ${cells([
                `\`${f.name}\` ${f.version}`,
                `${f.requires} (${because(f)})`,
                `${f.have} (${hasWhat(f)})`,
                chainText(f),
                describe$2(rustImpact(f, findings)),
                f.fixes.join('; ')
            ])} |`);
        out.push('');
    }
    for (const r of section.cargoRefusals)
        out.push(`- **cargo refused:** ${r.message}`);
    for (const e of section.staleAllowEntries)
        out.push(`- \`allow-duplicates\` entry \`${e}\` matches no duplicate; remove it.`);
    return [...out, ''].join('\n');
}
function conflictsText(section, findings) {
    if (isEmpty$2(section))
        return 'Dependency conflicts: none';
    const out = ['Dependency conflicts:'];
    for (const r of duplicateRows(section, findings)) {
        out.push(`  ${r.name} (${r.versions.join(', ')}) — ${r.impact}`);
        for (const c of r.chains)
            out.push(`    ${c}`);
    }
    for (const f of section.rustVersion) {
        out.push(`  ${f.name} ${f.version} needs Rust ${f.requires} (${because(f)}), ${hasWhat(f)} is ${f.have} — ${describe$2(rustImpact(f, findings))}`);
        out.push(`    ${chainText(f)}`);
        for (const fix of f.fixes)
            out.push(`    fix: ${fix}`);
    }
    for (const r of section.cargoRefusals)
        out.push(`  ${r.message}`);
    for (const e of section.staleAllowEntries)
        out.push(`  allow-duplicates entry '${e}' matches no duplicate; remove it`);
    return out.join('\n');
}
/** One annotation per conflict that affects the verdict, on the member Cargo.toml line it arrives through. */
/** `policy`: the one the findings were decided under (which versions of a duplicate count). */
function conflictAnnotations(section, repoRoot, policy, findings) {
    const out = [];
    const single = new Set(section.singleVersionViolations.map(v => v.name));
    for (const d of section.duplicates) {
        const counted = d.versions.filter(v => policy.duplicateVersionsIncludeDev || !v.devOnly);
        const impact = single.has(d.name) ? 'blocks' : duplicateImpact(d, findings);
        if (impact !== 'blocks' && impact !== 'warns')
            continue;
        for (const v of counted) {
            const others = counted.filter(o => o !== v).map(o => `${o.version}${sourceLabel(d, o)}`);
            out.push({
                level: impact === 'blocks' ? 'error' : 'warning',
                title: `${d.name}: ${counted.length} versions`,
                message: `${d.name} ${v.version}${sourceLabel(d, v)} arrives through ${formatChain(v.chain)}; ${d.name} also resolves to ${others.join(', ')}.`,
                ...location(manifestOf(v), repoRoot)
            });
        }
    }
    for (const f of section.rustVersion) {
        const impact = rustImpact(f, findings);
        if (impact === 'blocks' || impact === 'warns')
            out.push({
                level: impact === 'blocks' ? 'error' : 'warning',
                title: `${f.name} ${f.version} needs Rust ${f.requires}`,
                message: `${f.name} ${f.version} needs Rust ${f.requires} (${because(f)}), ${haveText(f)}: ${chainText(f)}. Fix: ${f.fixes.join('; ')}`,
                ...location(f.manifest, repoRoot)
            });
    }
    return out;
}
function duplicateRows(section, findings) {
    const rows = section.duplicates.map(d => {
        const single = section.singleVersionViolations.some(v => v.name === d.name);
        return {
            name: d.name,
            versions: d.versions.map(v => `${v.version}${sourceLabel(d, v)}`),
            chains: d.versions.map(v => `${v.version}${sourceLabel(d, v)}: ${formatChain(v.chain)}${v.devOnly ? ' (dev only)' : ''}`),
            impact: single ? 'blocks (single-version-crates)' : describe$2(duplicateImpact(d, findings))
        };
    });
    for (const v of section.singleVersionViolations)
        if (!rows.some(r => r.name === v.name))
            rows.push({ name: v.name, versions: v.versions, chains: [], impact: 'blocks (single-version-crates)' });
    return rows;
}
const IMPACT = {
    block: 'blocks',
    warn: 'warns',
    allowed: 'allowed',
    info: 'not counted'
};
function duplicateImpact(d, findings) {
    const f = findings.find(x => x.code === 'duplicate-versions' && x.crate === d.name);
    return f ? IMPACT[f.severity] : 'not counted';
}
function rustImpact(r, findings) {
    const f = findings.find(x => x.code === 'msrv' && x.crate === r.name && x.version === r.version);
    return f ? IMPACT[f.severity] : 'not counted';
}
function describe$2(impact) {
    return impact === 'not counted' ? 'not counted (dev only)' : impact;
}
/** `toolchain`, or whose rust-version it is measured against. */
function hasWhat(f) {
    if (f.against === 'toolchain')
        return 'toolchain';
    if (f.msrvFrom === 'member')
        return `${f.member}'s rust-version`;
    return f.msrvFrom === 'workspace' ? '[workspace.package] rust-version' : 'MSRV';
}
function chainText(f) {
    return `${formatChain(f.chain)}${f.devOnly ? ' (dev only)' : ''}`;
}
/** ` (path serde)` / ` (crates.io)` where one version comes from several sources; '' otherwise. */
function sourceLabel(d, v) {
    if (v.source === undefined || !d.versions.some(o => o !== v && o.version === v.version))
        return '';
    return v.source === null
        ? ` (path ${v.dir ?? '?'})`
        : isCratesIo(v.source)
            ? ' (crates.io)'
            : ` (${v.source})`;
}
function because(f) {
    return f.requiresBecause === 'edition' ? `edition ${f.edition}` : 'rust-version';
}
// The manifest reference travels on each duplicate version; older reports may not carry it.
function manifestOf(v) {
    return v.manifest ?? null;
}
function location(ref, repoRoot) {
    if (!ref)
        return {};
    const file = path.relative(repoRoot, path.resolve(repoRoot, ref.file)).split(path.sep).join('/');
    return ref.line === null ? { file } : { file, startLine: ref.line, endLine: ref.line };
}
function cells(values) {
    return values.map(v => v.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ');
}

const CONFLICTS_CODES = {
    'duplicate-versions': 'a crate resolves to several versions (duplicate-versions policy)',
    'single-version': 'a crate of single-version-crates resolves to several versions',
    'stale-allow': 'an allow-duplicates entry matches no duplicate',
    msrv: 'a package needs a newer Rust than the toolchain, or than the rust-version of a member that pulls it in (msrv-check policy)',
    'cargo-refused': 'cargo refused to build a package (its rust-version or edition is too new)'
};

// argv for each cargo phase, from the config alone (pure, so tests and dry runs can show it).
/** The user's args for the input, refused when they set --message-format: the gate sets it to read cargo. */
function ownMessageFormat(args, input) {
    const given = args.find(a => a.startsWith('--message-format'));
    if (given)
        throw new ConfigError(input, `remove '${given}': the gate sets --message-format=json itself to read cargo's messages.`);
    return args;
}
// rustc's `rendered` text with cargo's colours: the terminal shows it as cargo would; the reader strips
// the colours for the report, the summary and non-terminals.
const MESSAGE_FORMAT = '--message-format=json-diagnostic-rendered-ansi';
/**
 * cargo's own status lines ("Running …", "error: test failed, to rerun pass …") are read in its default
 * words: a workflow's `CARGO_TERM_COLOR: always` (GitHub's Rust starter sets it) or `--verbose` would
 * otherwise colour or reword them. They change how cargo talks, never what it builds.
 */
const CARGO_OUTPUT_ENV = {
    CARGO_TERM_COLOR: 'never',
    CARGO_TERM_VERBOSE: 'false',
    CARGO_TERM_QUIET: 'false'
};
const OUTPUT_FLAGS = new Set(['-q', '--quiet', '-v', '-vv', '-vvv', '--verbose']);
/** The user's cargo args without the flags that only change cargo's own output (see CARGO_OUTPUT_ENV). */
function withoutOutputFlags(args) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--')
            return [...out, ...args.slice(i)];
        if (OUTPUT_FLAGS.has(a) || a.startsWith('--color='))
            continue;
        if (a === '--color') {
            i++;
            continue;
        }
        out.push(a);
    }
    return out;
}
/** The args cargo reads itself: those before `--` (after it, the test harness's). */
function cargoOwnArgs(args) {
    const sep = args.indexOf('--');
    return sep === -1 ? [...args] : args.slice(0, sep);
}
/** `+toolchain` goes first, as rustup's proxies require. */
function cargo(config, args) {
    return { program: 'cargo', args: config.toolchain ? [`+${config.toolchain}`, ...args] : args };
}
function rustcVersionCommand(config) {
    return { program: 'rustc', args: config.toolchain ? [`+${config.toolchain}`, '-vV'] : ['-vV'] };
}
function metadataCommand(config, host) {
    const filter = host ? ['--filter-platform', host] : [];
    return cargo(config, ['metadata', '--format-version', '1', ...filter]);
}
function phaseCommand(config, phase, packages = null) {
    const select = (userArgs) => {
        const args = withoutOutputFlags(userArgs);
        if (!packages)
            return args;
        // The packages are cargo's arguments: before `--`, after which they would go to the test binaries.
        const own = cargoOwnArgs(args);
        return [
            ...own.filter(a => a !== '--workspace' && a !== '--all'),
            ...packages.flatMap(p => ['-p', p]),
            ...args.slice(own.length)
        ];
    };
    if (phase === 'check') {
        // --keep-going: a crate that fails does not stop cargo from checking the others, so every
        // member is judged in one run (stable since cargo 1.74).
        const args = select(config.checkArgs ?? []);
        const keepGoing = args.includes('--keep-going') ? [] : ['--keep-going'];
        return cargo(config, ['check', ...args, ...keepGoing, MESSAGE_FORMAT]);
    }
    const testArgs = select(config.testArgs ?? []);
    // Options after `--` go to the test binaries; ours must stay before it.
    const own = cargoOwnArgs(testArgs);
    const harness = testArgs.slice(own.length);
    if (phase === 'test-build')
        return cargo(config, ['test', ...own, '--no-run', MESSAGE_FORMAT, ...harness]);
    const failFast = own.includes('--fail-fast') || own.includes('--no-fail-fast') ? [] : ['--no-fail-fast'];
    return cargo(config, ['test', ...own, ...failFast, MESSAGE_FORMAT, ...libtestJson(harness)]);
}
/**
 * libtest's JSON events, which a test's own output cannot pass for (see libtest.ts). Needs
 * RUSTC_BOOTSTRAP=1 in the test run's environment (TEST_RUN_ENV). A `--format` of the user's is replaced.
 */
function libtestJson(harness) {
    const own = harness
        .slice(1)
        .filter((a, i, all) => a !== '--format' && all[i - 1] !== '--format' && !a.startsWith('--format='));
    return ['--', ...own, '-Z', 'unstable-options', '--format', 'json', '--report-time'];
}
/** The test run's environment: lets stable libtest and rustdoc accept `-Z unstable-options`. */
const TEST_RUN_ENV = { RUSTC_BOOTSTRAP: '1' };

// What a member builds by itself, in cargo's own words. `cargo metadata` resolves the workspace as one:
// every member's features and every dev-dependency's are unified, so a library's optional proc-macro
// looks like its dependency as soon as any test suite asks for it. `cargo tree -p MEMBER` resolves the
// member alone (its default features), which is what its rust-version promises. Only members the
// resolved graph suspects are asked, so a workspace without MSRV trouble runs no extra cargo.
/** `cargo tree` for each member the resolved graph suspects; a member cargo could not answer for is left out. */
async function readMemberDeps(graph, includeDev, ports) {
    const deps = new Map();
    const notes = [];
    for (const id of msrvSuspects(graph, { includeDev })) {
        const normal = await tree(graph, id, false, ports);
        const all = includeDev && normal.chains ? await tree(graph, id, true, ports) : normal;
        if (!normal.chains || !all.chains) {
            notes.push(`cargo tree could not say what ${graph.packages.get(id).name} builds (${normal.problem ?? all.problem}); its rust-version is judged on the whole resolved graph`);
            continue;
        }
        const reach = new Map();
        for (const [pkg, chain] of normal.chains)
            reach.set(pkg, { chain, devOnly: false });
        for (const [pkg, chain] of all.chains)
            if (!reach.has(pkg))
                reach.set(pkg, { chain, devOnly: true });
        deps.set(id, reach);
    }
    return { deps, notes };
}
function treeArgs(graph, member, withDev, host) {
    const pkg = graph.packages.get(member);
    // The package id is a spec cargo accepts (cargo ≥ 1.77); a name alone can be ambiguous (a path crate
    // and its registry copy).
    const spec = member.includes('#') ? member : `${pkg.name}@${pkg.version}`;
    return [
        'tree',
        '-p',
        spec,
        '-e',
        withDev ? 'normal,build,dev' : 'normal,build',
        '--prefix',
        'depth',
        '--format',
        '{p}',
        '--color',
        'never',
        ...(host ? ['--target', host] : [])
    ];
}
async function tree(graph, member, withDev, ports) {
    const args = treeArgs(graph, member, withDev, ports.host);
    const stdout = [];
    const stderr = [];
    const r = await ports.run('cargo', ports.toolchain ? [`+${ports.toolchain}`, ...args] : args, {
        cwd: ports.cwd,
        env: { ...CARGO_OUTPUT_ENV, ...ports.env },
        timeoutSeconds: ports.timeoutSeconds ?? 120,
        onStdoutLine: l => stdout.push(l),
        onStderrLine: l => stderr.push(l)
    });
    if (r.exitCode !== 0)
        return {
            chains: null,
            problem: r.spawnError ?? (stderr.find(l => l.startsWith('error')) || `exit ${r.exitCode ?? r.signal}`)
        };
    const chains = parseTree(stdout, graph, member, withDev);
    return chains ? { chains, problem: null } : { chains: null, problem: 'its output could not be read' };
}
/**
 * `cargo tree --prefix depth --format {p}` lines (`2syn v1.0.107`, `1serde v1.0.152 (/path)`) as the
 * shortest chain to each package; null when a line names no package of the graph, or the tree is
 * not the member's.
 */
function parseTree(lines, graph, member, withDev) {
    const chains = new Map();
    const byName = new Map();
    for (const p of graph.packages.values())
        byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
    const stack = [];
    for (const line of lines) {
        if (line.trim() === '')
            continue;
        const m = /^(\d+)(\S+) v(\S+)(.*)$/.exec(line);
        if (!m)
            return null;
        const depth = Number(m[1]);
        const id = packageOf(byName.get(m[2]) ?? [], m[3], m[4]);
        // One root, the member; it may come again deeper (a dev-dependency that depends on it).
        if (!id || depth > stack.length || (depth === 0 && (id !== member || chains.size > 0)))
            return null;
        stack.length = depth;
        stack.push(id);
        const known = chains.get(id);
        if (!known || known.length > stack.length)
            chains.set(id, links(graph, stack, withDev));
    }
    return chains.has(member) ? chains : null;
}
/** The package a `{p}` line names: name, version, and for a path package its directory. */
function packageOf(named, version, rest) {
    const same = named.filter(p => p.version === version);
    const dir = /\((\/[^)]*|[A-Za-z]:\\[^)]*)\)/.exec(rest)?.[1];
    const pick = dir
        ? same.find(p => p.source === null && path.dirname(p.manifest_path) === dir)
        : same.filter(p => p.source !== null).sort((a, b) => compareLoose(a.id, b.id))[0];
    return pick?.id ?? null;
}
const ORDER = ['normal', 'build', 'dev'];
function links(graph, ids, withDev) {
    return ids.map((id, i) => {
        const pkg = graph.packages.get(id);
        const next = ids[i + 1];
        const kinds = new Set((graph.edges.get(id) ?? []).filter(e => e.to === next).map(e => e.kind));
        // Only the member's own dev-dependencies are built, and only when asked for. Then a dev edge out of
        // the member comes first: the resolved graph may also have a normal edge that only another member's
        // features enable (serde's optional serde_derive), and what the dev tree adds arrives by the dev edge.
        const order = withDev && i === 0 ? ['dev', 'normal', 'build'] : ORDER;
        const usable = order.filter(k => kinds.has(k) && (k !== 'dev' || (withDev && i === 0)));
        return { name: pkg.name, version: pkg.version, kind: next ? (usable[0] ?? 'normal') : 'normal' };
    });
}

/** The conflicts capability's codes that name a dependency conflict (stale-allow is advice, not one). */
const CONFLICT_CODES = [
    'duplicate-versions',
    'single-version',
    'msrv',
    'cargo-refused'
];
const isConflict = (code) => CONFLICT_CODES.includes(code);
const conflictId = (code, crate) => `${code}:${crate ?? ''}`;
/** Conflicts that count (found, open): block or warn, not allowed by policy; each once, sorted. */
function conflictIds(findings) {
    return [
        ...new Set(findings
            .filter(f => isConflict(f.code) && (f.severity === 'block' || f.severity === 'warn'))
            .map(f => conflictId(f.code, f.crate)))
    ].sort();
}
/** "base64 (duplicate-versions)", for people. */
function describeConflict(id) {
    const at = id.indexOf(':');
    const code = id.slice(0, at);
    const crate = id.slice(at + 1);
    return crate ? `${crate} (${code})` : code;
}

const policyOf = (config) => ({
    duplicateVersions: config.duplicateVersions,
    duplicateVersionsIncludeDev: config.duplicateVersionsIncludeDev,
    msrvCheck: config.msrvCheck
});
/** What each conflict does to the verdict is read from its finding, never worked out again. */
const own$1 = (r) => r.findings.filter(f => f.source === 'conflicts');
const conflicts = {
    name: 'conflicts',
    stage: 'analyses',
    inputs: [
        {
            name: 'duplicate-versions',
            default: 'warn',
            description: 'Crates resolved at several versions: `warn`, `deny` (unstable) or `allow`.'
        },
        {
            name: 'duplicate-versions-include-dev',
            default: 'false',
            description: 'Count duplicates reached only through dev-dependencies.'
        },
        {
            name: 'allow-duplicates',
            default: '',
            description: 'Crate names exempt from the duplicate check (comma or newline separated). Entries matching nothing are reported.'
        },
        {
            name: 'single-version-crates',
            default: '',
            description: 'Crates that must resolve to exactly one version, e.g. `base64, base64ct`.'
        },
        {
            name: 'msrv-check',
            default: 'deny',
            description: "Dependencies whose edition or rust-version the toolchain cannot build, or that a member pulls in above the member's rust-version (its own, else `[workspace.package]`'s): `deny`, `warn` or `off`."
        },
        {
            name: 'msrv-check-include-dev',
            default: 'false',
            description: "Hold a member's rust-version to what only its dev-dependencies pull in, too."
        }
    ],
    parse: p => ({
        duplicateVersions: p.oneOf('duplicate-versions', ['deny', 'warn', 'allow']),
        duplicateVersionsIncludeDev: p.bool('duplicate-versions-include-dev'),
        allowDuplicates: p.names('allow-duplicates'),
        singleVersionCrates: p.names('single-version-crates'),
        msrvCheck: p.oneOf('msrv-check', ['deny', 'warn', 'off']),
        msrvCheckIncludeDev: p.bool('msrv-check-include-dev')
    }),
    codes: CONFLICTS_CODES,
    outputs: [
        {
            name: 'duplicate-crates',
            description: 'Crates resolved at more than one version (counted by the duplicate-versions rules).',
            // Distinct crates: a merged report carries each shard's blocking findings.
            value: r => r.conflicts
                ? String(new Set(own$1(r)
                    .filter(f => f.code === 'duplicate-versions' && (f.severity === 'block' || f.severity === 'warn'))
                    .map(f => f.crate)).size)
                : null
        },
        {
            name: 'single-version-violations',
            description: 'Crates of `single-version-crates` resolved at more than one version.',
            value: r => (r.conflicts ? String(r.conflicts.singleVersionViolations.length) : null)
        },
        {
            name: 'msrv-violations',
            description: 'Dependencies the toolchain cannot build, or above the rust-version of a member that pulls them in (one per member).',
            value: r => r.conflicts ? String(r.conflicts.rustVersion.length + r.conflicts.cargoRefusals.length) : null
        }
    ],
    async run(ports, config) {
        const memberDeps = ports.graph && config.msrvCheck !== 'off'
            ? await readMemberDeps(ports.graph, config.msrvCheckIncludeDev, {
                run: ports.run,
                cwd: ports.cwd,
                host: ports.toolchain.host,
                toolchain: config.toolchain
            })
            : null;
        for (const note of memberDeps?.notes ?? [])
            ports.log(note);
        const conflicts = {
            ...analyzeConflicts(ports.metadata, ports.graph, {
                ...config,
                toolchain: ports.toolchain.release,
                memberDeps: memberDeps?.deps,
                cargoErrors: ports.phases.flatMap(p => p.cargoErrors)
            }),
            policy: policyOf(config)
        };
        return {
            section: { conflicts },
            findings: conflictFindingList(conflicts, config, ports.report.workspace.root)
        };
    },
    findings: (report, config) => report.conflicts ? conflictFindingList(report.conflicts, config, report.workspace.root) : [],
    // Every shard analyses the same resolved graph: the first shard's section stands for all.
    merge: shards => (shards[0]?.conflicts ? { conflicts: shards[0].conflicts } : {}),
    markdown: r => (r.conflicts && !isEmpty$2(r.conflicts) ? conflictsMarkdown(r.conflicts, own$1(r)) : null),
    terminal: r => (r.conflicts && !isEmpty$2(r.conflicts) ? conflictsText(r.conflicts, own$1(r)).split('\n') : []),
    // Which versions of a duplicate count is the recorded policy's (a schema-1 report has none: no annotation).
    annotations: (r, repoRoot) => r.conflicts?.policy ? conflictAnnotations(r.conflicts, repoRoot, r.conflicts.policy, own$1(r)) : []
};

// Which fix to try for each conflict, from the conflicts section and its findings (pure). What cargo then
// resolves decides whether the candidate becomes a fix, a blocker, or nothing.
/**
 * The conflicts whose finding weighs as much as `weights` says (`fix-search: auto`: those that block,
 * since each fix costs a build of the scratch copy and most workspaces carry duplicates that only
 * warn). Read from the conflicts' findings, never worked out again from the policy.
 */
function conflictsWeighing(conflicts, findings, weights) {
    const weighs = (code, crate, version) => findings.some(f => f.source === 'conflicts' &&
        f.code === code &&
        f.crate === crate &&
        (version === undefined || f.version === version) &&
        weights.includes(f.severity));
    return {
        ...conflicts,
        rustVersion: conflicts.rustVersion.filter(f => weighs('msrv', f.name, f.version)),
        duplicates: conflicts.duplicates.filter(d => weighs('duplicate-versions', d.name) || weighs('single-version', d.name)),
        singleVersionViolations: conflicts.singleVersionViolations.filter(v => weighs('single-version', v.name))
    };
}
/**
 * `conflicts`: those to answer (conflictsWeighing). `members`: names of the workspace members, which no
 * lock change can move.
 */
function planCandidates(conflicts, options, members = new Set()) {
    const out = [];
    const seen = new Set();
    if (options.msrvCheck !== 'off')
        // msrv before toolchain, the strictest rust-version first: what it can build, the others can too.
        for (const f of [...conflicts.rustVersion].sort((a, b) => (a.against === b.against ? 0 : a.against === 'msrv' ? -1 : 1) ||
            compareLoose(normalizeRustVersion(a.have) ?? a.have, normalizeRustVersion(b.have) ?? b.have))) {
            // A member's own edition or rust-version, or a member another pulls in: no lock change moves it.
            if (f.chain.length < 2 || members.has(f.name))
                continue;
            const target = { code: 'msrv', crate: f.name, version: f.version };
            const key = `${f.name}@${f.version}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push({
                kind: 'lock',
                target,
                chain: f.chain,
                needs: f.requires,
                have: f.have,
                member: f.against === 'msrv' ? f.member : null
            });
        }
    const single = new Set(conflicts.singleVersionViolations.map(v => v.name));
    for (const d of conflicts.duplicates) {
        const isSingle = single.has(d.name);
        if (!isSingle && (d.allowed || options.duplicateVersions === 'allow'))
            continue;
        const counted = d.versions.filter(v => isSingle || options.duplicateVersionsIncludeDev || !v.devOnly);
        if (counted.length < 2)
            continue;
        const code = isSingle ? 'single-version' : 'duplicate-versions';
        const newest = [...counted].sort((a, b) => compareLoose(a.version, b.version)).at(-1).version;
        for (const v of counted) {
            const target = { code, crate: d.name, version: v.version };
            const local = counted.find(o => o.version === v.version && o.source === null && o.dir);
            if (local && typeof v.source === 'string' && isCratesIo(v.source)) {
                out.push({ kind: 'patch', target, dir: local.dir });
                continue;
            }
            if (v.version === newest)
                continue;
            if (v.chain.length === 2 && v.manifest?.file)
                out.push({
                    kind: 'manifest',
                    target,
                    to: newest,
                    member: v.chain[0].name,
                    manifest: v.manifest.file,
                    edge: v.chain[0].kind
                });
            else if (v.chain.length > 2)
                out.push({ kind: 'holder', target, to: newest, holder: v.chain[v.chain.length - 2], chain: v.chain });
        }
    }
    return out;
}

function isEmpty$1(section) {
    return section.fixes.length === 0 && section.blockers.length === 0 && !section.failure;
}
function fixesMarkdown(section) {
    const out = ['### How to fix', ''];
    if (section.failure)
        out.push(`The fix search did not run to the end: ${inline(section.failure)}`, '');
    for (const f of section.fixes) {
        out.push(`- ${f.verified ? '✅ verified' : '❌ not verified'}: ${inline(title(f))}`);
        if (f.command)
            out.push('', indent(fence(f.command, 'sh')));
        else if (f.kind === 'lock')
            out.push('', `  ${inline(`No single cargo command does this; Cargo.lock: ${lockLine(f)}.`)}`);
        else if (f.diff)
            out.push('', indent(fence(diffText(f, f.diff), 'diff')));
        out.push('', `  ${f.verified ? `${evidence(f)}` : inline(`Not verified: ${f.reason}.`)}`);
        if (f.errors.length)
            out.push('', `  <details><summary>compile errors</summary>`, '', indent(fence(f.errors.join('\n\n'), 'text')), '', '  </details>');
        out.push('');
    }
    for (const b of section.blockers)
        out.push(`- ⛔ no fix within the current requirements: ${inline(blockerLine(b))}`, '');
    const verified = section.fixes.filter(f => f.verified).length;
    if (verified)
        out.push(`Apply the verified fix${verified === 1 ? '' : 'es'} locally with \`build-gate --apply\`.`, '');
    return out.join('\n');
}
function fixesText(section) {
    const out = ['How to fix:'];
    if (section.failure)
        out.push(`  the fix search did not run to the end: ${section.failure}`);
    for (const f of section.fixes) {
        out.push(`  ${f.verified ? '✓ verified' : '✗ not verified'}  ${title(f)}`);
        if (f.command)
            out.push(`      ${f.command}`);
        else if (f.kind === 'lock')
            out.push(`      Cargo.lock: ${lockLine(f)}`);
        if (f.diff)
            out.push(`      ${f.manifest}:${f.diff.line}`, ...(f.diff.before ? [`      - ${f.diff.before.trim()}`] : []), ...f.diff.after.split('\n').map(l => `      + ${l.trim()}`));
        if (!f.verified) {
            out.push(`      ${f.reason}`);
            for (const e of f.errors)
                out.push(...e.split('\n').map(l => `        ${l}`));
        }
    }
    for (const b of section.blockers)
        out.push(`  ⛔ blocked  ${blockerLine(b)}`);
    const verified = section.fixes.filter(f => f.verified).length;
    if (verified)
        out.push(`  Apply the verified fix${verified === 1 ? '' : 'es'}: build-gate --apply`);
    return out.join('\n');
}
function title(f) {
    const moved = `${f.crate} ${f.from} → ${f.to}`;
    const fixes = `${f.target.code} ${f.target.crate} ${f.target.version}`;
    if (f.kind === 'patch')
        return `${f.crate} ${f.from}: one crate from two sources; [patch.crates-io] in ${f.manifest} makes them one (fixes ${fixes})`;
    return f.kind === 'lock'
        ? `${moved} in Cargo.lock (fixes ${fixes})`
        : `${moved}: raise the requirement in ${f.manifest} (fixes ${fixes})`;
}
/** A unified diff of the one changed line, or of the lines a patch fix adds. */
function diffText(f, diff) {
    const lines = [...(diff.before ? [`-${diff.before}`] : []), ...diff.after.split('\n').map(l => `+${l}`)];
    return `--- ${f.manifest}\n+++ ${f.manifest}\n@@ line ${diff.line} @@\n${lines.join('\n')}`;
}
function lockLine(f) {
    return f.lockChanges.map(c => `${c.name} ${c.from ?? '(new)'} → ${c.to ?? '(removed)'}`).join(', ');
}
function evidence(f) {
    const lock = lockLine(f);
    return inline(`Verified in a scratch copy: the conflict is gone, no new one appears, and cargo check and the test build pass (${f.seconds} s). Cargo.lock: ${lock || 'unchanged'}.`);
}
function blockerLine(b) {
    return `${b.target.code} ${b.target.crate} ${b.target.version}: ${b.blockedBy}. To unblock: ${b.unblock}.`;
}
/** Markdown-safe text for a list item (cargo's and rustc's words can hold any character). */
function inline(s) {
    return s
        .replace(/[<>&]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c])
        .replace(/([\\`*_[\]|])/g, '\\$1');
}
/** A fenced block whose fence is longer than any backtick run inside it. */
function fence(body, lang) {
    const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map(m => m[0].length));
    const f = '`'.repeat(longest + 1);
    return `${f}${lang}\n${body}\n${f}`;
}
function indent(s) {
    return s
        .split('\n')
        .map(l => `  ${l}`)
        .join('\n');
}

// A process's output as lines, read as it arrives: UTF-8 decoded across chunk boundaries, split where
// readline splits (\n, \r\n, a lone \r), and no line kept longer than MAX_LINE_CHARS. A failing test
// that printed a gigabyte reaches the gate as one libtest event line, longer than the longest string
// V8 can hold: readline crashed on it with a stack trace.
/** The most of one line the gate keeps (UTF-16 units); the rest is counted, not kept. */
const MAX_LINE_CHARS = 64 * 1024 * 1024;
class LineSplitter {
    onLine;
    maxChars;
    decoder = new StringDecoder('utf8');
    parts = [];
    kept = 0;
    length = 0;
    /** The previous chunk ended in \r: a \n starting the next one belongs to it. */
    pendingCr = false;
    cut = { count: 0, longestChars: 0 };
    constructor(onLine, maxChars = MAX_LINE_CHARS) {
        this.onLine = onLine;
        this.maxChars = maxChars;
    }
    write(chunk) {
        this.text(this.decoder.write(chunk));
    }
    /** The last line, when the output does not end with a line break. */
    end() {
        this.text(this.decoder.end());
        if (this.length > 0)
            this.emit();
    }
    text(s) {
        let from = this.pendingCr && s.startsWith('\n') ? 1 : 0;
        this.pendingCr = false;
        // Each searched once per chunk, not once per line: a chunk without \r is scanned for it once.
        let nl = s.indexOf('\n', from);
        let cr = s.indexOf('\r', from);
        while (from < s.length) {
            if (nl !== -1 && nl < from)
                nl = s.indexOf('\n', from);
            if (cr !== -1 && cr < from)
                cr = s.indexOf('\r', from);
            const at = cr !== -1 && (nl === -1 || cr < nl) ? cr : nl;
            if (at === -1) {
                this.add(s.slice(from));
                return;
            }
            this.add(s.slice(from, at));
            this.emit();
            if (s[at] === '\r') {
                if (at + 1 === s.length) {
                    this.pendingCr = true;
                    return;
                }
                from = s[at + 1] === '\n' ? at + 2 : at + 1;
            }
            else
                from = at + 1;
        }
    }
    add(piece) {
        this.length += piece.length;
        const kept = piece.slice(0, this.maxChars - this.kept);
        this.parts.push(kept);
        this.kept += kept.length;
    }
    emit() {
        if (this.length > this.maxChars) {
            this.cut.count++;
            this.cut.longestChars = Math.max(this.cut.longestChars, this.length);
        }
        const line = this.parts.join('');
        this.parts = [];
        this.kept = 0;
        this.length = 0;
        this.onLine(line);
    }
}

// The only place that starts processes. argv arrays, never a shell.
// node:child_process directly rather than @actions/exec: we need the signal name of a killed cargo,
// UTF-8 decoding across chunk boundaries, and per-line streaming without buffering the output.
/**
 * A test that starts a server and never stops it leaves a process holding cargo's stdout: cargo has
 * exited, its output is complete, but the pipe never closes. After this many seconds the gate stops
 * waiting (and stops the leftover, when it runs in the test run's own process group).
 */
const OUTPUT_GRACE_SECONDS = 5;
async function runProcess(program, args, options) {
    const startWall = process.hrtime.bigint();
    const startCpu = childrenCpuSeconds();
    // Its own process group, so a timeout also kills what it started (test binaries under cargo).
    const ownGroup = options.timeoutSeconds !== undefined && process.platform !== 'win32';
    const child = spawn(program, args, {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: false,
        windowsHide: true,
        detached: ownGroup
    });
    let timedOut = false;
    let leftRunning;
    const timer = options.timeoutSeconds === undefined
        ? null
        : setTimeout(() => {
            timedOut = true;
            killGroup(child.pid);
        }, options.timeoutSeconds * 1000);
    let grace;
    const stdout = pipeLines(child.stdout, options.onStdoutLine, options.maxLineChars);
    const stderr = pipeLines(child.stderr, options.onStderrLine, options.maxLineChars);
    const exit = await new Promise(resolve => {
        child.once('error', err => resolve({ code: null, signal: null, error: err.message }));
        child.once('close', (code, signal) => resolve({ code, signal, error: null }));
        child.once('exit', (code, signal) => {
            // Killed on timeout: do not wait for pipes some escaped descendant may still hold.
            if (timedOut)
                return resolve({ code, signal, error: null });
            if (timer)
                clearTimeout(timer);
            grace = setTimeout(() => {
                leftRunning = ownGroup ? 'stopped' : 'abandoned';
                if (ownGroup)
                    killGroup(child.pid);
                child.stdout?.destroy();
                child.stderr?.destroy();
                resolve({ code, signal, error: null });
            }, (options.outputGraceSeconds ?? OUTPUT_GRACE_SECONDS) * 1000);
        });
    });
    if (timer)
        clearTimeout(timer);
    clearTimeout(grace);
    // A grandchild that kept the pipes open would hold the streams; after a kill they are not waited for.
    if (!timedOut && !leftRunning)
        await Promise.all([stdout.done, stderr.done]);
    const cut = [stdout.cut, stderr.cut].filter(c => c.count > 0);
    const endCpu = childrenCpuSeconds();
    return {
        exitCode: exit.code,
        signal: exit.signal,
        spawnError: exit.error,
        wallSeconds: Number(process.hrtime.bigint() - startWall) / 1e9,
        cpuSeconds: startCpu === null || endCpu === null ? null : round$2(endCpu - startCpu),
        ...(timedOut ? { timedOut } : {}),
        ...(leftRunning ? { leftRunning } : {}),
        ...(cut.length
            ? {
                cutLines: {
                    count: cut.reduce((n, c) => n + c.count, 0),
                    longestChars: Math.max(...cut.map(c => c.longestChars))
                }
            }
            : {})
    };
}
function killGroup(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
    }
    catch {
        // Already gone.
    }
}
function pipeLines(stream, onLine, maxLineChars) {
    const splitter = onLine ? new LineSplitter(onLine, maxLineChars) : null;
    const cut = splitter?.cut ?? { count: 0, longestChars: 0 };
    if (!stream)
        return { done: Promise.resolve(), cut };
    if (splitter)
        stream.on('data', (chunk) => splitter.write(chunk));
    else
        stream.resume();
    const done = new Promise(resolve => {
        let ended = false;
        const finish = () => {
            if (ended)
                return;
            ended = true;
            splitter?.end();
            resolve();
        };
        stream.once('end', finish);
        stream.once('close', finish);
    });
    return { done, cut };
}
/**
 * cutime + cstime of this process from /proc/self/stat: the CPU of every child reaped so far,
 * including their own reaped children (rustc under cargo). Exact to the clock tick (10 ms).
 * Valid because the gate runs one cargo at a time.
 */
function childrenCpuSeconds() {
    try {
        const stat = readFileSync('/proc/self/stat', 'utf8');
        // Fields after the command name, which may contain spaces, start after the last ')'.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cutime = Number(fields[13]);
        const cstime = Number(fields[14]);
        if (!Number.isFinite(cutime) || !Number.isFinite(cstime))
            return null;
        return (cutime + cstime) / CLOCK_TICKS;
    }
    catch {
        return null;
    }
}
// sysconf(_SC_CLK_TCK) is 100 on every Linux that GitHub runs and on practically all others.
const CLOCK_TICKS = 100;
function round$2(n) {
    return Math.round(n * 1000) / 1000;
}

// The contents of the files a fix search changed, by git blob id, kept in this process only: the
// report names each changed file by its before/after blob ids (small, and evidence), and `--apply` and
// the fix PR read the contents from here. A report read back from disk has no contents to apply.
const store = new Map();
/** git's blob id of a text: `sha1("blob <bytes>\0" + content)`. */
function gitBlobSha(content) {
    const data = Buffer.from(content);
    return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}
function remember(content) {
    const sha = gitBlobSha(content);
    store.set(sha, content);
    return sha;
}
function recall(sha) {
    return store.get(sha) ?? null;
}
/** The changed files of a section with their contents, or null when this process does not hold them. */
function filesOf(section) {
    if (!section)
        return null;
    const out = [];
    for (const f of section.files) {
        const before = recall(f.before);
        const after = recall(f.after);
        if (before === null || after === null)
            return null;
        out.push({ path: f.path, before, after });
    }
    return out;
}

// A scratch copy of the workspace in a temp directory, where fixes are resolved, applied and built;
// the user's tree is only read. Directories the workspace reaches by relative path (a vendored directory
// registry, path dependencies outside the root) are linked at the same relative place, so
// `.cargo/config.toml` and the manifests work unchanged.
const SKIP = new Set(['target', '.git', 'node_modules']);
/** `outside`: absolute directories outside `root` the workspace needs (see externalDirs). */
function createScratch(root, outside) {
    const base = mkdtempSync(path.join(tmpdir(), 'build-gate-scratch-'));
    const anchor = commonAncestor([root, ...outside]);
    const mirror = path.join(base, 'ws');
    const scratchRoot = path.join(mirror, path.relative(anchor, root));
    try {
        cpSync(root, scratchRoot, {
            recursive: true,
            filter: src => !(path.dirname(src) === root && SKIP.has(path.basename(src))) && path.basename(src) !== '.git'
        });
        for (const dir of outside) {
            const at = path.join(mirror, path.relative(anchor, dir));
            if (existsSync(at))
                continue;
            mkdirSync(path.dirname(at), { recursive: true });
            symlinkSync(dir, at, 'dir');
        }
    }
    catch (e) {
        rmSync(base, { recursive: true, force: true });
        throw e;
    }
    const targetDir = path.join(base, 'target');
    return { root: scratchRoot, targetDir, dispose: () => rmSync(base, { recursive: true, force: true }) };
}
/**
 * Directories outside the root that the workspace reads by path: `directory` / `local-registry`
 * sources of the root's `.cargo/config.toml`, and the package directories of path dependencies.
 */
function externalDirs(root, pathPackageManifests) {
    const dirs = new Set();
    const config = ['config.toml', 'config'].map(f => path.join(root, '.cargo', f)).find(f => existsSync(f));
    if (config) {
        const doc = parse(readFileSync(config, 'utf8'));
        for (const source of Object.values(doc.source ?? {}))
            for (const key of ['directory', 'local-registry'])
                if (typeof source[key] === 'string')
                    dirs.add(path.resolve(root, source[key]));
    }
    for (const manifest of pathPackageManifests)
        dirs.add(path.dirname(manifest));
    return [...dirs].filter(d => !isInside(d, root)).sort();
}
function isInside(dir, root) {
    const rel = path.relative(root, dir);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
function commonAncestor(dirs) {
    let anchor = dirs[0];
    while (!dirs.every(d => isInside(d, anchor)))
        anchor = path.dirname(anchor);
    return anchor;
}
/**
 * Of the files named (relative to the root), those the scratch copy holds changed. A path that leaves
 * the workspace is never offered; a file missing on either side is not a change.
 */
function changedFiles$1(userRoot, scratchRoot, rels) {
    const out = [];
    for (const rel of [...new Set(rels)]) {
        const normal = path.normalize(rel);
        if (!rel || path.isAbsolute(normal) || normal.startsWith('..'))
            continue;
        const before = readOrNull(path.join(userRoot, normal));
        const after = readOrNull(path.join(scratchRoot, normal));
        if (before !== null && after !== null && before !== after)
            out.push({ path: normal.split(path.sep).join('/'), before, after });
    }
    return out;
}
function readOrNull(file) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch {
        return null;
    }
}

// Cargo.lock read with smol-toml: which versions of which packages are locked, and what changed
// between two locks. The result of `cargo update` is read from here, never from cargo's prose.
/** name → sorted versions locked. */
function lockedVersions(text) {
    const doc = parse(text);
    const byName = new Map();
    for (const p of doc.package ?? [])
        if (typeof p.name === 'string' && typeof p.version === 'string')
            byName.set(p.name, [...(byName.get(p.name) ?? []), p.version].sort(compareLoose));
    return byName;
}
/** Versions removed and added, per name; a single removal plus addition reads as from → to. */
function diffLocks(before, after) {
    const a = lockedVersions(before);
    const b = lockedVersions(after);
    const changes = [];
    for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        // As multisets: one version from two sources is locked twice, and a [patch] leaves it once.
        const gone = minus(a.get(name) ?? [], b.get(name) ?? []);
        const added = minus(b.get(name) ?? [], a.get(name) ?? []);
        while (gone.length || added.length)
            changes.push({ name, from: gone.shift() ?? null, to: added.shift() ?? null });
    }
    return changes;
}
function minus(from, take) {
    const left = [...take];
    return from.filter(v => {
        const i = left.indexOf(v);
        if (i < 0)
            return true;
        left.splice(i, 1);
        return false;
    });
}

function blocker(target, blockedBy, unblock) {
    return { target, blockedBy, unblock };
}
/** The requirement `holder` declares on `name`, as cargo metadata gives it (`^1.8`). */
function requirementOf(meta, holder, name) {
    const pkg = meta.packages.find(p => p.name === holder.name && p.version === holder.version);
    return pkg?.dependencies.find(d => d.name === name)?.req ?? null;
}

/**
 * Runs cargo in the scratch copy. A cargo that is killed or cannot start stops the search in its own
 * words; so does a failure, unless `mayFail` (a resolve that is allowed to find no solution).
 */
async function cargoIn(inputs, run, args, mayFail = false) {
    const full = inputs.config.toolchain ? [`+${inputs.config.toolchain}`, ...args] : args;
    const stderr = [];
    const r = await run('cargo', full, {
        cwd: inputs.root,
        env: { CARGO_TARGET_DIR: inputs.targetDir, CARGO_TERM_COLOR: 'never' },
        onStderrLine: line => stderr.push(line)
    });
    if (r.exitCode === 0)
        return 0;
    if (mayFail && r.exitCode !== null && !r.spawnError)
        return r.exitCode;
    const how = r.spawnError ?? (r.signal ? `was killed (${r.signal})` : `exited with code ${r.exitCode}`);
    throw new Error(`\`cargo ${full.join(' ')}\` ${how}: ${stderr.slice(-5).join('\n').trim() || '(no output)'}`);
}

// Duplicates and single-version crates: raise the member's own requirement (or the workspace
// dependency it inherits), or update the third-party crate that holds the older version.
function proposeManifest(c, inputs) {
    const restoreLock = (lock) => writeFileSync(path.join(inputs.root, 'Cargo.lock'), lock);
    // The member's own requirement, or the `[workspace.dependencies]` entry it inherits.
    const memberFile = path.join(inputs.root, path.relative(inputs.userRoot, c.manifest));
    const memberText = readFileSync(memberFile, 'utf8');
    const to = requirementFor(c.to);
    const inherited = inheritsFromWorkspace(memberText, c.target.crate);
    const file = inherited ? path.join(inputs.root, 'Cargo.toml') : memberFile;
    const original = inherited ? readFileSync(file, 'utf8') : memberText;
    const edit = inherited
        ? raiseWorkspaceRequirement(original, c.target.crate, to)
        : raiseRequirement(original, c.target.crate, c.edge, to);
    if (!edit)
        return blocker(c.target, `${c.member} declares ${c.target.crate} in a way this cannot edit safely (not one plain version requirement)`, `raise ${c.member}'s requirement on ${c.target.crate} to ${to} by hand`);
    writeFileSync(file, edit.text);
    return {
        fix: {
            crate: c.target.crate,
            from: c.target.version,
            to: c.to,
            kind: 'manifest',
            manifest: path.relative(inputs.root, file).split(path.sep).join('/'),
            command: null,
            diff: { line: edit.line, before: edit.before, after: edit.after },
            target: c.target
        },
        rollback: lock => {
            writeFileSync(file, original);
            restoreLock(lock);
        }
    };
}
async function proposeHolder(c, inputs, run, lockBefore) {
    const lockPath = path.join(inputs.root, 'Cargo.lock');
    const restoreLock = (lock) => writeFileSync(lockPath, lock);
    const cargo = (args) => cargoIn(inputs, run, args);
    // cargo may move the holder within its requirement; the old version must then be gone from the lock.
    const spec = `${c.holder.name}@${c.holder.version}`;
    await cargo(['update', '-p', spec]);
    const moved = diffLocks(lockBefore, readFileSync(lockPath, 'utf8'));
    const gone = moved.some(m => m.name === c.target.crate && m.from === c.target.version);
    const holderMove = moved.find(m => m.name === c.holder.name && m.from === c.holder.version && m.to);
    if (!gone || !holderMove) {
        const req = requirementOf(inputs.metadata, c.holder, c.target.crate);
        return blocker(c.target, `${c.holder.name} ${c.holder.version} requires ${c.target.crate} ${req ?? c.target.version} (${formatChain(c.chain)})`, `a release of ${c.holder.name} that accepts ${c.target.crate} ${c.to} (upstream), or list ${c.target.crate} in allow-duplicates until then`);
    }
    return {
        fix: {
            crate: c.holder.name,
            from: c.holder.version,
            to: holderMove.to,
            kind: 'lock',
            manifest: null,
            command: `cargo update -p ${spec}`,
            diff: null,
            target: c.target
        },
        rollback: restoreLock
    };
}

// Aims cargo's MSRV-aware resolver at one Rust. cargo prefers versions that every member's rust-version
// can build (a member without one: the toolchain's), so for the resolve only, in the scratch copy,
// every member states `have`, or what its edition needs when that is more: cargo refuses a manifest
// whose rust-version is below its edition's first release. The manifests are restored right after, so
// no fix carries the change.
async function withResolverMsrv(inputs, have, fn) {
    const target = normalizeRustVersion(have);
    const members = new Set(inputs.metadata.workspace_members);
    const edits = target
        ? inputs.metadata.packages
            .filter(p => members.has(p.id))
            .map(p => {
            const file = path.join(inputs.root, path.relative(inputs.userRoot, p.manifest_path));
            const original = readFileSync(file, 'utf8');
            return { file, original, edited: setRustVersion(original, rustVersionFloor(p.edition, target)) };
        })
            .filter(e => e.edited !== null && e.edited !== e.original)
        : [];
    for (const e of edits)
        writeFileSync(e.file, e.edited);
    try {
        return await fn();
    }
    finally {
        for (const e of edits)
            writeFileSync(e.file, e.original);
    }
}
/** `have` (x.y.z), or the first release of `edition` when that is later. */
function rustVersionFloor(edition, have) {
    const floor = normalizeRustVersion(EDITION_RUST[edition] ?? '1.0');
    return semverExports.gt(floor, have) ? floor : have;
}
/**
 * The manifest with `[package] rust-version = "version"`: the key replaced where the package states it
 * (or inherits it), else added under the header. null when the result does not read back that way.
 */
function setRustVersion(manifest, version) {
    const lines = manifest.split('\n');
    const header = lines.findIndex(l => /^\s*\[\s*package\s*\]\s*(#.*)?$/.test(l));
    if (header < 0)
        return null;
    const end = lines.findIndex((l, i) => i > header && /^\s*\[/.test(l));
    const stop = end < 0 ? lines.length : end;
    const entry = `rust-version = ${JSON.stringify(version)}`;
    const at = lines.findIndex((l, i) => i > header && i < stop && /^\s*rust-version\s*[.=]/.test(l));
    const edited = at >= 0
        ? [...lines.slice(0, at), entry, ...lines.slice(at + 1)]
        : [...lines.slice(0, header + 1), entry, ...lines.slice(header + 1)];
    const text = edited.join('\n');
    try {
        const pkg = parse(text).package;
        return pkg?.['rust-version'] === version ? text : null;
    }
    catch {
        return null;
    }
}

// MSRV, edition and toolchain conflicts: cargo's MSRV-aware resolver picks the newest version the
// member's rust-version (or the toolchain) can build; when the dependent pins the crate, an older dependent
// within the member's requirement; otherwise the requirement that blocks it is named.
async function proposeMsrv(c, inputs, run, lockBefore) {
    const lockPath = path.join(inputs.root, 'Cargo.lock');
    const restoreLock = (lock) => writeFileSync(lockPath, lock);
    const cargo = (args) => cargoIn(inputs, run, args);
    // MSRV / toolchain: cargo's own MSRV-aware resolver picks the version (aimed at `have`: the member's
    // rust-version, or the toolchain); the lock says which. The command is shown as run: `--precise` is silently
    // ignored by directory sources, so it is not what finds or applies the version.
    const spec = `${c.target.crate}@${c.target.version}`;
    await withResolverMsrv(inputs, c.have, () => cargo(['update', '-p', spec, '--config', FALLBACK]));
    const moved = diffLocks(lockBefore, readFileSync(lockPath, 'utf8')).find((m) => m.name === c.target.crate && m.from === c.target.version && m.to);
    if (!moved && c.chain.length > 2) {
        restoreLock(lockBefore);
        const viaDependent = await moveDependent(c, inputs, run, lockBefore);
        if (viaDependent)
            return viaDependent;
    }
    if (!moved) {
        restoreLock(lockBefore);
        const holder = c.chain[c.chain.length - 2];
        const req = requirementOf(inputs.metadata, holder, c.target.crate);
        const member = c.chain[0].name;
        const raise = c.member ? `raise ${c.member}'s rust-version to ${c.needs}` : `build with Rust ${c.needs}`;
        return blocker(c.target, `${holder.name} ${holder.version} requires ${c.target.crate} ${req ?? `=${c.target.version}`}`, c.chain.length > 2
            ? `${raise}, or relax ${member}'s requirement on ${c.chain[1].name} so that a release accepting an older ${c.target.crate} can be chosen`
            : `${raise}, or relax ${member}'s requirement on ${c.target.crate} (${req ?? '?'}) to admit an older release`);
    }
    return {
        fix: {
            crate: c.target.crate,
            from: c.target.version,
            to: moved.to,
            kind: 'lock',
            manifest: null,
            command: `cargo update -p ${spec} --config '${FALLBACK}'`,
            diff: null,
            target: c.target
        },
        rollback: restoreLock
    };
}
const FALLBACK = 'resolver.incompatible-rust-versions="fallback"';
/**
 * The dependent pins the crate (password-hash 0.6 requires base64ct ^1.8): let cargo pick an older
 * dependent that accepts an older crate, within the member's requirement. The member is told, in the
 * scratch copy and for this resolve only, to want the crate below its current version; cargo then
 * backtracks on the dependent and the MSRV-aware resolver picks the crate. There is no one cargo
 * command for this, so the fix carries the lock changes and no command.
 */
async function moveDependent(c, inputs, run, lockBefore) {
    const lockPath = path.join(inputs.root, 'Cargo.lock');
    const holder = c.chain[c.chain.length - 2];
    const member = inputs.metadata.packages.find(p => p.name === c.chain[0].name && inputs.metadata.workspace_members.includes(p.id));
    if (!member)
        return null;
    const file = path.join(inputs.root, path.relative(inputs.userRoot, member.manifest_path));
    const original = readFileSync(file, 'utf8');
    const pin = `\n[dependencies.build-gate-pin]\npackage = ${JSON.stringify(c.target.crate)}\nversion = "<${c.target.version}"\n`;
    writeFileSync(file, `${original}${pin}`);
    let exit;
    try {
        const args = [
            'update',
            '-p',
            `${holder.name}@${holder.version}`,
            '-p',
            `${c.target.crate}@${c.target.version}`
        ];
        exit = await withResolverMsrv(inputs, c.have, () => cargoIn(inputs, run, [...args, '--config', FALLBACK], true));
    }
    finally {
        writeFileSync(file, original);
    }
    const changes = exit === 0 ? diffLocks(lockBefore, readFileSync(lockPath, 'utf8')) : [];
    const moved = changes.find(m => m.name === c.target.crate && m.from === c.target.version && m.to);
    const dependent = changes.find(m => m.name === holder.name && m.from === holder.version && m.to);
    if (!moved || !dependent) {
        writeFileSync(lockPath, lockBefore);
        return null;
    }
    return {
        fix: {
            crate: c.target.crate,
            from: c.target.version,
            to: moved.to,
            kind: 'lock',
            manifest: null,
            command: null,
            diff: null,
            target: c.target
        },
        rollback: lock => writeFileSync(lockPath, lock)
    };
}

// One version of a crate from two sources (a workspace path crate and its crates.io copy, pulled by a
// dependency): cargo builds them as two crates and no requirement merges them. `[patch.crates-io]` in
// the root manifest makes every dependent take the path crate; the verification says whether it does.
function proposePatch(c, inputs) {
    const file = path.join(inputs.root, 'Cargo.toml');
    const original = readFileSync(file, 'utf8');
    const edit = addPatch(original, c.target.crate, c.dir);
    const entry = patchEntry(c.target.crate, c.dir);
    if (!edit)
        return blocker(c.target, `the root Cargo.toml already patches ${c.target.crate}, or cannot take a [patch.crates-io] entry safely`, `add \`${entry}\` under [patch.crates-io] in the root Cargo.toml by hand`);
    writeFileSync(file, edit.text);
    return {
        fix: {
            crate: c.target.crate,
            from: c.target.version,
            to: c.target.version,
            kind: 'patch',
            manifest: 'Cargo.toml',
            command: null,
            diff: { line: edit.line, before: '', after: edit.added },
            target: c.target
        },
        rollback: lock => {
            writeFileSync(file, original);
            writeFileSync(path.join(inputs.root, 'Cargo.lock'), lock);
        }
    };
}
const patchEntry = (name, dir) => `${bareKey(name)} = { path = ${JSON.stringify(dir)} }`;
/**
 * The root manifest with `name = { path = dir }` under `[patch.crates-io]` (the table added at the end
 * when there is none), or null when the crate is patched already or the result is not what was meant.
 */
function addPatch(manifest, name, dir) {
    const doc = parse(manifest);
    const patches = table$1(table$1(doc.patch)?.['crates-io']);
    if (patches && name in patches)
        return null;
    const entry = patchEntry(name, dir);
    const lines = manifest.split('\n');
    const header = lines.findIndex(l => /^\s*\[\s*patch\s*\.\s*(crates-io|"crates-io")\s*\]\s*(#.*)?$/.test(l));
    let text;
    let line;
    let added;
    if (header >= 0) {
        text = [...lines.slice(0, header + 1), entry, ...lines.slice(header + 1)].join('\n');
        line = header + 2;
        added = entry;
    }
    else if (patches) {
        return null; // declared some other way (`patch.crates-io.x = …`, an inline table): left to a person
    }
    else {
        const body = manifest.replace(/\n*$/, '');
        added = `[patch.crates-io]\n${entry}`;
        text = `${body}\n\n${added}\n`;
        line = body.split('\n').length + 2;
    }
    const after = table$1(table$1(parse(text).patch)?.['crates-io'])?.[name];
    return JSON.stringify(after) === JSON.stringify({ path: dir }) ? { text, line, added } : null;
}
function table$1(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
}
function bareKey(name) {
    return /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
}

// cargo's `--message-format=json` stream, one line at a time. Lines that are not cargo messages
// (libtest output, build script noise) are left to other readers; a line that starts like a cargo
// message but does not parse is counted, because the gate must not call a half-read build stable.
// rustc's own tallies ("2 warnings emitted", "aborting due to …") repeat what was already counted.
const TALLY = /^(aborting due to|\d+ warnings? emitted|warning: .* generated \d+ warnings?)/;
class CargoMessageReader {
    members;
    phase;
    sink;
    state = {
        units: { workspace: { compiled: 0, fresh: 0 }, dependencies: { compiled: 0, fresh: 0 } },
        buildFinished: null,
        unreadableLines: 0,
        firstUnreadable: null,
        lateMessages: 0,
        firstLate: null
    };
    constructor(members, phase, sink) {
        this.members = members;
        this.phase = phase;
        this.sink = sink;
    }
    /**
     * Returns true when the line was a cargo message (consumed). cargo's last message is
     * build-finished: what follows on stdout (test binaries, in `cargo test`) is never cargo's.
     */
    push(line) {
        if (!line.startsWith('{"reason":'))
            return false;
        if (this.state.buildFinished !== null) {
            // In `cargo test` the test binaries' output follows, never cargo's. A phase that only builds
            // prints nothing after build-finished: what does was forged by something whose stdout reaches
            // cargo's (a proc macro), and a forged build-finished would end the reading before the real ones.
            if (this.phase !== 'test') {
                this.state.lateMessages++;
                this.state.firstLate ??= line.slice(0, 200);
            }
            return false;
        }
        let msg;
        try {
            msg = JSON.parse(line);
        }
        catch {
            this.unreadable(line);
            return true;
        }
        switch (msg.reason) {
            case 'compiler-message':
                this.compilerMessage(msg);
                break;
            case 'compiler-artifact':
                this.artifact(msg);
                break;
            case 'build-finished':
                this.state.buildFinished = msg.success === true;
                break;
        }
        return true;
    }
    /** A line that looked like a cargo message but was not one: counted, so the phase is not trusted. */
    unreadable(line) {
        this.state.unreadableLines++;
        this.state.firstUnreadable ??= line.slice(0, 200);
    }
    compilerMessage(msg) {
        const packageId = String(msg.package_id);
        const raw = msg.message;
        if (!isRawDiagnostic(raw)) {
            this.unreadable(JSON.stringify(msg).slice(0, 200));
            return;
        }
        const severity = raw.level === 'warning' ? 'warning' : raw.level.startsWith('error') ? 'error' : null;
        if (!severity || TALLY.test(raw.message))
            return;
        const crate = this.members.get(packageId);
        if (!crate) {
            if (severity === 'warning')
                this.sink.dependencyWarning?.(packageId);
            else
                this.sink.dependencyError?.(packageId, raw.message);
            return;
        }
        this.sink.diagnostic({
            severity,
            crate,
            code: raw.code?.code ?? null,
            message: raw.message,
            rendered: raw.rendered ? stripVTControlCharacters(raw.rendered) : raw.message,
            ...(raw.rendered?.includes('\u001b[') ? { renderedAnsi: raw.rendered } : {}),
            span: primarySpan(raw.spans),
            phase: this.phase,
            ...suggestionsOf(raw)
        });
    }
    artifact(msg) {
        const packageId = String(msg.package_id);
        const target = msg.target;
        const profile = msg.profile;
        const fresh = msg.fresh === true;
        const bucket = this.members.has(packageId) ? this.state.units.workspace : this.state.units.dependencies;
        if (fresh)
            bucket.fresh++;
        else
            bucket.compiled++;
        this.sink.artifact?.({
            packageId,
            targetName: target?.name ?? '',
            targetKind: target?.kind ?? [],
            isTest: profile?.test === true,
            executable: typeof msg.executable === 'string' ? msg.executable : null,
            fresh
        });
    }
}
// The shape the reader relies on, checked at the edge: anything else is an unreadable line.
function isRawDiagnostic(v) {
    if (typeof v !== 'object' || v === null)
        return false;
    const d = v;
    return (typeof d.message === 'string' &&
        typeof d.level === 'string' &&
        Array.isArray(d.spans) &&
        d.spans.every(isRawSpan) &&
        (d.code == null || typeof d.code.code === 'string') &&
        (d.rendered == null || typeof d.rendered === 'string'));
}
function isRawSpan(v) {
    if (typeof v !== 'object' || v === null)
        return false;
    const s = v;
    return (typeof s.file_name === 'string' &&
        ['line_start', 'line_end', 'column_start', 'column_end'].every(k => typeof s[k] === 'number'));
}
/**
 * The children whose every replacement rustc marks machine-applicable: what `cargo fix` would apply.
 * A child with one edit that is not (a placeholder, a guess) is left out whole.
 */
function suggestionsOf(raw) {
    const suggestions = [];
    for (const child of raw.children ?? []) {
        if (typeof child?.message !== 'string' || !Array.isArray(child.spans))
            continue;
        const edits = child.spans.filter(s => isRawSpan(s) && typeof s.suggested_replacement === 'string');
        if (!edits.length || !edits.every(s => s.suggestion_applicability === 'MachineApplicable'))
            continue;
        suggestions.push({
            message: child.message,
            edits: edits.map(s => ({
                file: s.file_name,
                line: s.line_start,
                column: s.column_start,
                endLine: s.line_end,
                endColumn: s.column_end,
                replacement: s.suggested_replacement
            }))
        });
    }
    return suggestions.length ? { suggestions } : {};
}
function primarySpan(spans) {
    const s = spans.find(x => x.is_primary) ?? spans[0];
    if (!s)
        return null;
    return {
        file: s.file_name,
        line: s.line_start,
        column: s.column_start,
        endLine: s.line_end,
        endColumn: s.column_end
    };
}
/** Identity of a diagnostic across phases: cargo replays the same warning for check, lib test, … */
function diagnosticKey(d) {
    const at = d.span ? `${d.span.file}:${d.span.line}:${d.span.column}` : '';
    return `${d.crate}\u0000${d.severity}\u0000${d.code ?? ''}\u0000${d.message}\u0000${at}`;
}

// Warnings by identity, compact enough to keep one set per run in the run history: crate → lint →
// the identities of its warnings, 8 characters each, concatenated. A warning's identity is its crate,
// lint, file and message; its line is not part of it, so a warning that moved is the same warning.
// Past a cap a lint keeps only its count (a number), which a ratchet can still hold.
const IDENTITY_CHARS = 8;
/** 48 bits of SHA-256: no two warnings of one crate and lint collide in practice. */
function warningIdentity(d) {
    const key = [d.crate, d.code ?? '', d.span?.file ?? '', d.message].join('\u0000');
    return createHash('sha256').update(key).digest('base64url').slice(0, IDENTITY_CHARS);
}
/** The identities of one lint's warnings (a count-only entry has none). */
function identities(entry) {
    if (typeof entry === 'number')
        return [];
    const out = [];
    for (let i = 0; i < entry.length; i += IDENTITY_CHARS)
        out.push(entry.slice(i, i + IDENTITY_CHARS));
    return out;
}
function countOf(entry) {
    return typeof entry === 'number' ? entry : entry.length / IDENTITY_CHARS;
}
/** Warnings per crate. */
function crateTotals(set) {
    const out = {};
    for (const [crate, lints] of Object.entries(set))
        out[crate] = Object.values(lints).reduce((n, e) => n + countOf(e), 0);
    return out;
}
function totalWarnings(set) {
    return Object.values(crateTotals(set)).reduce((n, c) => n + c, 0);
}
/**
 * The set with each lint's identities sorted (a stable text for the same warnings), and only counts
 * kept once it holds more than `cap` identities: the largest lints lose theirs first.
 */
function boundedSet(set, cap) {
    const entries = Object.entries(set).flatMap(([crate, lints]) => Object.entries(lints).map(([lint, e]) => ({ crate, lint, e })));
    let kept = entries.reduce((n, x) => n + (typeof x.e === 'string' ? countOf(x.e) : 0), 0);
    const bySize = [...entries].sort((a, b) => countOf(b.e) - countOf(a.e));
    const counted = new Set();
    for (const x of bySize) {
        if (kept <= cap)
            break;
        if (typeof x.e === 'string')
            kept -= countOf(x.e);
        counted.add(x);
    }
    const out = {};
    for (const x of entries) {
        const value = counted.has(x) || typeof x.e === 'number' ? countOf(x.e) : identities(x.e).sort().join('');
        (out[x.crate] ??= {})[x.lint] = value;
    }
    return out;
}
/** Warning sets of disjoint crates (shards) as one. */
function unionSets(sets) {
    const out = {};
    for (const set of sets)
        for (const [crate, lints] of Object.entries(set))
            for (const [lint, e] of Object.entries(lints)) {
                const had = out[crate]?.[lint];
                (out[crate] ??= {})[lint] =
                    had === undefined
                        ? e
                        : typeof had === 'string' && typeof e === 'string'
                            ? had + e
                            : countOf(had) + countOf(e);
            }
    return out;
}

// The workspace diagnostics of the build's cargo phases, deduplicated across phases (cargo replays a
// warning for check, for the lib under test, …) and capped in memory: past the cap they are counted, not
// kept. Every phase of the build stage feeds one tally (see port.ts).
const DEFAULT_DIAGNOSTICS_CAP = 1000;
class DiagnosticTally {
    cap;
    seen = new Set();
    items = [];
    omitted = 0;
    perCrate = new Map();
    dependencyWarnings = 0;
    dependencyErrors = [];
    /** Every warning's identity (none capped): what a ratchet compares with the base. */
    warningSet = {};
    constructor(cap = DEFAULT_DIAGNOSTICS_CAP) {
        this.cap = cap;
    }
    add(d) {
        // A digest, not the key itself: a huge build keeps one short string per distinct diagnostic.
        const key = createHash('sha1').update(diagnosticKey(d)).digest('base64');
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        const counts = this.perCrate.get(d.crate) ?? { warnings: 0, errors: 0 };
        if (d.severity === 'error')
            counts.errors++;
        else {
            counts.warnings++;
            const lints = (this.warningSet[d.crate] ??= {});
            lints[d.code ?? ''] = `${lints[d.code ?? ''] ?? ''}${warningIdentity(d)}`;
        }
        this.perCrate.set(d.crate, counts);
        if (this.items.length < this.cap)
            this.items.push(d);
        else
            this.omitted++;
    }
    /** Compile errors in workspace crates so far. */
    get errors() {
        let n = 0;
        for (const c of this.perCrate.values())
            n += c.errors;
        return n;
    }
    section() {
        let errors = 0;
        let warnings = 0;
        for (const c of this.perCrate.values()) {
            errors += c.errors;
            warnings += c.warnings;
        }
        // Errors first, as the annotations and the summary show them.
        const items = [...this.items].sort((a, b) => a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);
        return {
            errors,
            warnings,
            items,
            omitted: this.omitted,
            dependencyWarnings: this.dependencyWarnings,
            dependencyErrors: this.dependencyErrors.slice(0, 20),
            warningSet: structuredClone(this.warningSet)
        };
    }
}

// cargo's own errors come as plain text on stderr, not JSON: a manifest it cannot parse, a
// resolution failure, `feature \`edition2024\` is required`, … The gate keeps them in cargo's words.
const STATUS = /^\s+(Compiling|Checking|Running|Finished|Fresh|Doc-tests|Blocking|Updating|Locking|Downloaded|Downloading|Adding|Executable|Timing report saved)\b/;
const SUMMARIES = [
    /^error: could not compile `/,
    /^error: (doc)?test failed, to rerun pass/,
    /^error: \d+ targets? failed:/
];
const MAX_BLOCK_LINES = 40;
class CargoStderrReader {
    blocks = [];
    /** The last lines of stderr, for an error message when nothing else explains a failure. */
    tail = [];
    current = null;
    push(line) {
        this.tail.push(line);
        if (this.tail.length > 20)
            this.tail.shift();
        if (line.startsWith('error')) {
            this.flush();
            this.current = [line];
        }
        else if (line.startsWith('warning:') || STATUS.test(line)) {
            this.flush();
        }
        else if (this.current && this.current.length < MAX_BLOCK_LINES) {
            this.current.push(line);
        }
    }
    /** Call once after the last line. */
    finish() {
        this.flush();
        return this.blocks;
    }
    flush() {
        if (!this.current)
            return;
        const text = this.current.join('\n').trimEnd();
        this.blocks.push({ text, summary: SUMMARIES.some(r => r.test(text)) });
        this.current = null;
    }
}

// Runs one cargo phase: streams its output through the readers and records what a phase result
// must say, including why it cannot be trusted (not started, killed, unreadable, cut short).
async function runPhase(name, command, options) {
    const reader = options.members
        ? new CargoMessageReader(options.members, name, options.sink ?? { diagnostic: () => undefined })
        : null;
    const stderr = new CargoStderrReader();
    const chunks = [];
    const outcome = await (options.run ?? runProcess)(command.program, command.args, {
        cwd: options.cwd,
        env: command.env ? { ...options.env, ...command.env } : options.env,
        ...(options.timeoutSeconds !== undefined ? { timeoutSeconds: options.timeoutSeconds } : {}),
        // cargo metadata is one JSON document on one line, as large as the dependency graph.
        ...(options.collectStdout ? { maxLineChars: Infinity } : {}),
        onStdoutLine: line => {
            if (options.collectStdout)
                chunks.push(line);
            else if (!reader?.push(line))
                options.onOtherStdout?.(line);
        },
        onStderrLine: line => {
            stderr.push(line);
            options.onStderr?.(line);
        }
    });
    const errors = stderr.finish();
    const state = reader?.state;
    const result = {
        name,
        command: [command.program, ...command.args],
        ran: outcome.spawnError === null,
        exitCode: outcome.exitCode,
        signal: outcome.signal,
        wallSeconds: round$1(outcome.wallSeconds),
        cpuSeconds: outcome.cpuSeconds,
        units: state?.units ?? { workspace: { compiled: 0, fresh: 0 }, dependencies: { compiled: 0, fresh: 0 } },
        cargoErrors: errors.filter(e => !e.summary).map(e => e.text),
        unreadableLines: state?.unreadableLines ?? 0,
        failure: null,
        ...(outcome.leftRunning ? { leftRunning: leftRunningNote(outcome.leftRunning) } : {})
    };
    result.failure = untrusted(result, outcome, state ?? null);
    return { result, errors, stderrTail: [...stderr.tail], stdout: chunks.join('\n') };
}
/** `read` is null for phases that print no cargo messages (metadata). */
function untrusted(r, o, read) {
    const program = r.command[0];
    if (o.spawnError) {
        const hint = /ENOENT/.test(o.spawnError) ? ` Is ${program} installed and on PATH?` : '';
        return `could not start ${program}: ${o.spawnError}.${hint}`;
    }
    if (o.timedOut)
        return `${program} did not finish within ${formatDuration$1(o.wallSeconds)} (test-timeout) and was killed with everything it started`;
    if (o.signal)
        return `${program} was killed by signal ${o.signal} before it finished`;
    if (o.cutLines)
        return `${o.cutLines.count} line(s) of ${program}'s output were longer than the ${mib(MAX_LINE_CHARS)} MiB the gate reads of one line (the longest: ${mib(o.cutLines.longestChars)} MiB), so they could not be read whole (does a test print that much?)`;
    if (r.unreadableLines > 0)
        return `${r.unreadableLines} line(s) of cargo's JSON output could not be read (first: ${read?.firstUnreadable ?? '?'})`;
    if (read && read.lateMessages > 0)
        return `${read.lateMessages} line(s) in cargo's message format came after a build-finished message: something the build ran (a proc macro) printed cargo-like JSON to stdout, so cargo's own messages cannot be told from forged ones (first line after it: ${read.firstLate})`;
    if (read && o.exitCode === 0 && read.buildFinished !== true)
        return 'cargo exited without its final build-finished message, so its output cannot be trusted';
    return null;
}
function leftRunningNote(how) {
    const what = how === 'stopped' ? 'it was stopped' : 'the gate stopped waiting for it';
    return `a process it started was still running ${OUTPUT_GRACE_SECONDS} s after cargo exited, holding cargo's output open; ${what}`;
}
/** Characters as MiB: the same for the ASCII that cargo and libtest print. */
function mib(chars) {
    return String(Math.round(chars / 2 ** 20));
}
function round$1(n) {
    return Math.round(n * 1000) / 1000;
}
function formatDuration$1(seconds) {
    return seconds < 120 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

// Verification of the scratch copy as it stands: re-resolve (cargo metadata), re-run the conflict
// analysis, and build it the way the gate does (check with the gate's check-args, then the test build),
// in a target directory shared by every verification of the run.
const MAX_ERRORS = 10;
async function verifyState(ctx, target, before) {
    const env = { CARGO_TARGET_DIR: ctx.targetDir, CARGO_TERM_COLOR: 'never' };
    const common = { cwd: ctx.root, env, run: ctx.run };
    const metaRun = await runPhase('metadata', metadataCommand(ctx.config, ctx.host), {
        ...common,
        collectStdout: true
    });
    if (metaRun.result.failure || metaRun.result.exitCode !== 0)
        return fail(`cargo metadata failed: ${metaRun.result.failure ?? metaRun.errors.map(e => e.text).join('\n')}`);
    const meta = parseMetadata(metaRun.stdout);
    const graph = buildGraph(meta);
    // What each member builds by itself, as the gate judged it: cargo tree in the scratch copy.
    const memberDeps = ctx.conflictOptions.msrvCheck === 'off'
        ? undefined
        : (await readMemberDeps(graph, ctx.conflictOptions.msrvCheckIncludeDev, {
            run: ctx.run,
            cwd: ctx.root,
            env,
            host: ctx.host,
            toolchain: ctx.config.toolchain
        })).deps;
    const options = { ...ctx.conflictOptions, memberDeps };
    const keys = conflictKeys(analyzeConflicts(meta, graph, options), options);
    const prefix = `${target.code}:${target.crate}@${target.version}`;
    if ([...keys].some(k => k.startsWith(prefix)))
        return {
            keys,
            meta,
            problem: `the ${target.code} finding on ${target.crate} ${target.version} is still there`,
            errors: []
        };
    const fresh = [...keys].filter(k => !before.has(k));
    if (fresh.length > 0)
        return { keys, meta, problem: `it brings new conflicts: ${fresh.join(', ')}`, errors: [] };
    const members = new Map(workspaceMembers(meta).map(p => [p.id, p.name]));
    const tally = new DiagnosticTally();
    const sink = {
        diagnostic: tally.add.bind(tally),
        dependencyError: (pkg, message) => void tally.dependencyErrors.push({ package: pkg, message })
    };
    const phases = ctx.config.runTests ? ['check', 'test-build'] : ['check'];
    for (const phase of phases) {
        const command = phase === 'check' ? phaseCommand(ctx.config, 'check') : phaseCommand(ctx.config, phase);
        const r = await runPhase(phase, command, { ...common, members, sink });
        const errors = [
            ...tally
                .section()
                .items.filter(d => d.severity === 'error')
                .map(d => d.rendered.trim() || d.message),
            ...tally.dependencyErrors.map(d => `${d.package}: ${d.message}`)
        ].slice(0, MAX_ERRORS);
        if (tally.errors > 0 || tally.dependencyErrors.length > 0)
            return { keys, meta, problem: errorSummary(tally, phase), errors };
        if (r.result.failure || r.result.exitCode !== 0)
            return {
                keys,
                meta,
                problem: `cargo ${phase === 'check' ? 'check' : 'test --no-run'} failed: ${(r.result.failure ?? r.result.cargoErrors.join('\n')) || `exit code ${r.result.exitCode}`}`,
                errors: r.result.cargoErrors.slice(0, MAX_ERRORS)
            };
    }
    return { keys, meta, problem: null, errors: [] };
    function fail(problem) {
        return { keys: new Set(), meta: null, problem, errors: [] };
    }
}
function errorSummary(tally, phase) {
    const parts = [...tally.perCrate]
        .filter(([, c]) => c.errors > 0)
        .map(([crate, c]) => `${c.errors} compile error${c.errors === 1 ? '' : 's'} in ${crate}`);
    for (const d of tally.dependencyErrors)
        parts.push(`dependency ${d.package} does not compile`);
    return `${parts.join(', ')} (${phase === 'check' ? 'cargo check' : 'cargo test --no-run'})`;
}
/** One key per conflict the verdict would count: `msrv:base64ct@1.8.0:msrv`, `duplicate-versions:base64@0.21.7`. */
function conflictKeys(section, options) {
    const keys = new Set();
    if (options.msrvCheck !== 'off')
        for (const f of section.rustVersion)
            keys.add(`msrv:${f.name}@${f.version}:${f.against}`);
    const single = new Set(section.singleVersionViolations.map(v => v.name));
    for (const v of section.singleVersionViolations)
        for (const version of v.versions)
            keys.add(`single-version:${v.name}@${version}`);
    if (options.duplicateVersions !== 'allow')
        for (const d of section.duplicates) {
            if (d.allowed || single.has(d.name))
                continue;
            for (const v of d.versions)
                if (options.duplicateVersionsIncludeDev || !v.devOnly)
                    keys.add(`duplicate-versions:${d.name}@${v.version}`);
        }
    return keys;
}

// The fix search: each candidate is resolved by cargo in the scratch copy, then verified on top of the
// fixes verified before it; a fix that fails verification is rolled back. What is left in the scratch
// copy is exactly the set of verified changes (see changedFiles).
async function searchFixes(inputs, run) {
    const ctx = { ...inputs, run };
    const fixes = [];
    const blockers = [];
    let keys = conflictKeys(inputs.conflicts, inputs.conflictOptions);
    const lockPath = path.join(inputs.root, 'Cargo.lock');
    const members = new Set(workspaceMembers(inputs.metadata).map(p => p.name));
    for (const candidate of planCandidates(inputs.targets, inputs.conflictOptions, members)) {
        // An earlier fix may already have removed this conflict.
        if (![...keys].some(k => k.startsWith(`${candidate.target.code}:${candidate.target.crate}@${candidate.target.version}`)))
            continue;
        const started = process.hrtime.bigint();
        const lockBefore = readFileSync(lockPath, 'utf8');
        const proposal = await propose(candidate, inputs, run, lockBefore);
        if ('blockedBy' in proposal) {
            writeFileSync(lockPath, lockBefore);
            blockers.push(proposal);
            continue;
        }
        const verification = await verifyState(ctx, candidate.target, keys);
        const lockChanges = diffLocks(lockBefore, readFileSync(lockPath, 'utf8'));
        const fix = {
            ...proposal.fix,
            verified: verification.problem === null,
            reason: verification.problem ?? '',
            errors: verification.errors,
            lockChanges,
            seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000
        };
        fixes.push(fix);
        if (fix.verified)
            keys = verification.keys;
        else
            proposal.rollback(lockBefore);
    }
    return { fixes, blockers };
}
function propose(c, inputs, run, lockBefore) {
    if (c.kind === 'manifest')
        return proposeManifest(c, inputs);
    if (c.kind === 'holder')
        return proposeHolder(c, inputs, run, lockBefore);
    if (c.kind === 'patch')
        return proposePatch(c, inputs);
    return proposeMsrv(c, inputs, run, lockBefore);
}

const TIMEOUT_SECONDS$1 = 20 * 60;
async function runFixes(inputs, ports = {}) {
    const started = process.hrtime.bigint();
    const seconds = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000;
    const empty = { fixes: [], blockers: [], files: [] };
    const targets = inputs.targets ?? inputs.conflicts;
    if (targets.rustVersion.length === 0 && targets.duplicates.length === 0)
        return { section: { ...empty, seconds: 0, failure: null }, findings: [], files: [] };
    let scratch;
    try {
        const pathPackages = inputs.metadata.packages.filter(p => p.source === null).map(p => p.manifest_path);
        scratch = createScratch(inputs.root, externalDirs(inputs.root, pathPackages));
    }
    catch (e) {
        const section = {
            ...empty,
            seconds: seconds(),
            failure: `could not make a scratch copy of the workspace: ${e.message}`
        };
        return { section, findings: fixFindings(section), files: [] };
    }
    try {
        const found = await searchFixes({
            ...inputs,
            targets,
            root: scratch.root,
            userRoot: inputs.root,
            targetDir: scratch.targetDir
        }, bounded(ports.run ?? runProcess, ports.timeoutSeconds ?? TIMEOUT_SECONDS$1));
        const files = changedFiles$1(inputs.root, scratch.root, [
            'Cargo.lock',
            ...found.fixes.filter(f => f.verified && f.manifest).map(f => f.manifest)
        ]);
        const section = {
            ...found,
            files: files.map(f => ({ path: f.path, before: remember(f.before), after: remember(f.after) })),
            seconds: seconds(),
            failure: null
        };
        return { section, findings: fixFindings(section), files };
    }
    catch (e) {
        const section = {
            ...empty,
            seconds: seconds(),
            failure: `the fix search failed: ${e.message}`
        };
        return { section, findings: fixFindings(section), files: [] };
    }
    finally {
        scratch.dispose();
    }
}
/** Every cargo the search starts is killed past the limit (a killed phase is never verified). */
function bounded(run, timeoutSeconds) {
    return (program, args, options) => run(program, args, { ...options, timeoutSeconds });
}

const FIXES_CODES = {
    'fix-available': 'a fix for a dependency conflict, verified (info) or not (warn) in a scratch copy',
    'fix-blocked': 'no fix for a dependency conflict within the current requirements; names the blocker',
    'fix-search-failed': 'the search for dependency fixes could not run to the end'
};
/** The `fixes` output: the stable, public shape of each fix. */
function fixesOutput(section) {
    return section.fixes.map(f => ({
        crate: f.crate,
        from: f.from,
        to: f.to,
        kind: f.kind,
        manifest: f.manifest,
        verified: f.verified,
        command: f.command,
        fixes: f.target.code,
        reason: f.verified ? null : f.reason
    }));
}

const fixes = {
    name: 'fixes',
    stage: 'analyses',
    inputs: [
        {
            name: 'fix-search',
            default: 'auto',
            description: 'For dependency conflicts, find fixes with cargo and verify each in a scratch copy of the workspace (a check and test build per fix); shown under "How to fix". `auto`: only conflicts that block the build; `true`: also those that only warn; `false`: none.'
        }
    ],
    parse: p => ({ fixSearch: p.oneOf('fix-search', ['auto', 'true', 'false']) }),
    codes: FIXES_CODES,
    outputs: [
        {
            name: 'fixes',
            description: 'JSON array of the fixes found: `{crate, from, to, kind: lock|manifest|patch, manifest, verified, command}` each.',
            value: r => (r.fixes ? JSON.stringify(fixesOutput(r.fixes)) : null)
        }
    ],
    async run(ports, config) {
        const body = ports.report;
        // Shards analyse the same graph: the first shard searches, the others would repeat it.
        if (config.fixSearch === 'false' ||
            !ports.metadata ||
            !body.conflicts ||
            (body.shard && body.shard.index !== 1))
            return { section: {}, findings: [] };
        // Which conflicts weigh is what their findings say (the conflicts ran before, at this stage).
        const weights = config.fixSearch === 'auto' ? ['block'] : ['block', 'warn'];
        const targets = conflictsWeighing(body.conflicts, body.findings ?? [], weights);
        if (targets.rustVersion.length === 0 && targets.duplicates.length === 0)
            return { section: {}, findings: [] };
        const result = await runFixes({
            root: ports.cwd,
            host: ports.toolchain.host,
            config,
            conflicts: body.conflicts,
            targets,
            conflictOptions: { ...config, toolchain: ports.toolchain.release },
            metadata: ports.metadata
        }, { run: ports.run });
        return { section: { fixes: result.section }, findings: result.findings };
    },
    findings: report => (report.fixes ? fixFindings(report.fixes) : []),
    merge: shards => {
        const found = shards.find(s => s.fixes)?.fixes;
        return found ? { fixes: found } : {};
    },
    markdown: r => (r.fixes && !isEmpty$1(r.fixes) ? fixesMarkdown(r.fixes) : null),
    terminal: r => (r.fixes && !isEmpty$1(r.fixes) ? fixesText(r.fixes).split('\n') : [])
};

// Whether a fix holds, from the warnings before and after it (pure): the machine-applicable ones are
// gone, nothing new appeared, nothing fails to compile. Warnings are compared by identity (crate, lint,
// file, message), as many of each as there were: a fix moves lines, so lines are not compared.
const MAX_DETAILS = 10;
function judge$3(before, after) {
    const fixed = fixedLints(before.warnings, after.warnings);
    if (after.failure)
        return { problem: `cargo check after the fixes failed: ${after.failure}`, details: [], fixed };
    if (after.errors.length > 0)
        return {
            problem: `${count$1(after.errors.length, 'compile error')} after the fixes (cargo check)`,
            details: after.errors.slice(0, MAX_DETAILS),
            fixed
        };
    const had = tally(before.warnings);
    const fresh = excess(after.warnings, had);
    if (fresh.length > 0)
        return {
            problem: `${count$1(fresh.length, 'new warning')} after the fixes`,
            details: fresh.slice(0, MAX_DETAILS).map(w => w.rendered),
            fixed
        };
    // Of each identity, as many machine-applicable ones as are left beyond the others it had.
    const fixable = tally(before.warnings.filter(w => w.fixable));
    const left = tally(after.warnings);
    const stayed = [];
    for (const [identity, n] of fixable) {
        const still = Math.min(n, (left.get(identity) ?? 0) - ((had.get(identity) ?? 0) - n));
        for (let i = 0; i < still; i++)
            stayed.push(before.warnings.find(w => w.identity === identity && w.fixable));
    }
    if (stayed.length > 0)
        return {
            problem: `${count$1(stayed.length, 'machine-applicable warning')} still there after cargo fix`,
            details: stayed.slice(0, MAX_DETAILS).map(w => w.rendered),
            fixed
        };
    return { problem: null, details: [], fixed };
}
function tally(warnings) {
    const out = new Map();
    for (const w of warnings)
        out.set(w.identity, (out.get(w.identity) ?? 0) + 1);
    return out;
}
/** The warnings beyond as many of each identity as `had` holds. */
function excess(warnings, had) {
    const budget = new Map(had);
    const out = [];
    for (const w of warnings) {
        const left = budget.get(w.identity) ?? 0;
        if (left > 0)
            budget.set(w.identity, left - 1);
        else
            out.push(w);
    }
    return out;
}
/** By crate, lint and file: how many fewer warnings the fix leaves. */
function fixedLints(before, after) {
    const gone = excess(before, tally(after));
    const rows = new Map();
    for (const w of gone) {
        const key = [w.crate, w.lint, w.file].join('\u0000');
        const row = rows.get(key) ?? { crate: w.crate, lint: w.lint, file: w.file, count: 0 };
        row.count++;
        rows.set(key, row);
    }
    return [...rows.values()].sort((a, b) => byCodeUnit(a.crate, b.crate) || byCodeUnit(a.lint, b.lint) || byCodeUnit(a.file, b.file));
}
function count$1(n, what) {
    return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function lintFixFindings(s) {
    const total = s.fixed.reduce((n, f) => n + f.count, 0);
    if (s.status === 'failed')
        return [{ code: 'lint-fix-failed', severity: 'warn', source: 'lint-fixes', message: s.reason }];
    return [
        {
            code: 'lint-fix-available',
            severity: s.status === 'verified' ? 'info' : 'warn',
            source: 'lint-fixes',
            message: s.status === 'verified'
                ? `\`${s.command.join(' ')}\` fixes ${count$1(total, 'warning')} in ${s.files.map(f => f.path).join(', ')}, verified: those warnings are gone, nothing new appears and the tests build`
                : `\`${s.command.join(' ')}\` is not verified: ${s.reason}`
        }
    ];
}
/** `- a: unused_imports in a/src/lib.rs (2)` */
function fixedLines(fixed) {
    return fixed.map(f => `${f.crate}: ${f.lint || '(no lint name)'} in ${f.file}${f.count > 1 ? ` (${f.count})` : ''}`);
}
function lintFixesMarkdown(s) {
    const head = '### Machine-applicable fixes';
    const command = `\`${s.command.join(' ')}\``;
    if (s.status === 'verified')
        return [
            head,
            '',
            `${command} in a scratch copy, verified: the warnings below are gone, nothing new appears and the tests build.`,
            '',
            ...fixedLines(s.fixed).map(l => `- ${l}`),
            ''
        ].join('\n');
    return [
        head,
        '',
        s.status === 'failed' ? `Could not run: ${s.reason}.` : `${command}: **not verified**: ${s.reason}.`,
        ...(s.details.length ? ['', '```', s.details.join('\n\n'), '```'] : []),
        ''
    ].join('\n');
}
function lintFixesText(s) {
    if (s.status === 'verified')
        return [
            `Machine-applicable fixes (verified, ${s.command.join(' ')}):`,
            ...fixedLines(s.fixed).map(l => `  ${l}`)
        ];
    return [
        `Machine-applicable fixes: ${s.status === 'failed' ? 'could not run' : 'not verified'}: ${s.reason}`,
        ...s.details.flatMap(d => d.split('\n').map(l => `  ${l}`))
    ];
}

/** Wall seconds of the phases; empty (never 0) when one of them did not run or was killed. */
function phaseSeconds(report, names) {
    const p = report.phases.filter(x => names.includes(x.name));
    if (p.length === 0 || p.some(x => !x.ran || x.signal))
        return '';
    const seconds = Math.round(p.reduce((n, x) => n + x.wallSeconds, 0) * 100) / 100;
    return Number.isFinite(seconds) ? String(seconds) : '';
}

function checkingPhase(phases) {
    return phases.find(p => p.name === 'check' || p.name === 'build');
}

// Plain text for the terminal: aligned tables, and markdown's marks taken off shared wording.
/** Rows (the first one the header) with the first column left-aligned and the others right-aligned. */
function table(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length)));
    const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    return [line(rows[0]), widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
/** Markdown that shared wording carries (`code`, **bold**), as plain text. */
function plainText(s) {
    return s.replace(/\*\*([^*]*)\*\*/g, '$1').replace(/`([^`\n]*)`/g, '$1');
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** Seconds with two decimals; '–' when unknown. */
function seconds(n, unknown) {
    return unknown ? '–' : n.toFixed(2);
}

// The build's findings: each needed phase ran and can be trusted; compile errors and warnings, one
// finding per crate (read as one reason); warnings block under deny-warnings. Severity is decided
// here, from the policy, once.
const SOURCE$4 = 'build';
function phaseFindings(report, config) {
    if (report.shard?.members.length === 0)
        return [
            {
                code: 'shard-empty',
                severity: 'warn',
                message: `shard ${report.shard.index}/${report.shard.total} has no crates to gate`,
                source: SOURCE$4
            }
        ];
    const out = [];
    const needed = neededPhases(report, config.runTests);
    for (const name of needed) {
        const phase = report.phases.find(p => p.name === name);
        // A refusal cargo explained (a crate needing a newer rustc) is the conflicts capability's to report.
        if (phase?.failure && parseCargoRefusals(phase.cargoErrors.join('\n')).length > 0)
            continue;
        if (phase?.failure)
            out.push({
                code: 'phase-failed',
                severity: 'block',
                message: `${label(name)}: ${phase.failure}`,
                source: SOURCE$4
            });
        else if (phase?.untrusted)
            out.push({
                code: 'phase-untrusted',
                severity: 'block',
                message: `${label(name)}: ${phase.untrusted}`,
                source: SOURCE$4
            });
        else if (!phase && !report.phases.some(p => p.failure || p.untrusted) && !(report.diagnostics.errors > 0))
            out.push({
                code: 'phase-missing',
                severity: 'block',
                message: `${label(name)} did not run, so the build cannot be called stable`,
                source: SOURCE$4
            });
    }
    // cargo's output was complete when it exited; the leftover is the tests' own leak, worth knowing.
    for (const phase of report.phases)
        if (phase.leftRunning)
            out.push({
                code: 'process-left-running',
                severity: 'warn',
                message: `${label(phase.name)}: ${phase.leftRunning}`,
                source: SOURCE$4
            });
    return out;
}
/**
 * With compile-once one `build` stands for `check` and `test-build`. A report says which ran; a merged
 * one (no compileOnce section) shows it in its phases, and shards may have differed.
 */
function neededPhases(report, runTests) {
    const has = (name) => report.phases.some(p => p.name === name);
    const once = report.compileOnce ? report.compileOnce.mode === 'compile-once' : has('build');
    if (!runTests)
        return ['metadata', 'check'];
    if (once && (report.compileOnce || !has('check')))
        return ['metadata', 'build', 'test'];
    if (once)
        return ['metadata', 'check', 'test-build', 'build', 'test'];
    return ['metadata', 'check', 'test-build', 'test'];
}
/** Compile errors and warnings, one finding per crate; together they read as one reason. */
function diagnosticFindings(report, config) {
    const { errors, warnings } = report.diagnostics;
    const deny = config.denyWarnings;
    // Under the ratchet the warnings show; the ratchet's findings say which of them block.
    const ratchet = !deny && config.warningRatchet ? { suffix: ' (deny-warnings: new: only new ones block)' } : {};
    return [
        ...perCrate(report, 'errors', errors, { code: 'compile-errors', word: 'compile error', severity: 'block' }),
        ...perCrate(report, 'warnings', warnings, {
            code: 'warnings',
            word: 'warning',
            severity: deny ? 'block' : 'warn',
            ...(deny ? { suffix: ' (deny-warnings is on)' } : ratchet)
        })
    ];
}
function perCrate(report, field, total, o) {
    if (total <= 0)
        return [];
    const suffix = o.suffix ?? '';
    const crates = report.crates.filter(c => c[field] > 0);
    const listed = crates.reduce((n, c) => n + c[field], 0);
    // With one crate the total already is its count.
    const names = crates.map(c => (crates.length === 1 ? c.name : `${c.name} (${c[field]})`)).join(', ');
    const unlisted = 'crates the report does not list';
    const summary = `${plural(total, o.word)} in ${names || unlisted}${suffix}`;
    const base = { code: o.code, severity: o.severity, summary, source: SOURCE$4 };
    const out = crates.map(c => ({
        ...base,
        message: `${plural(c[field], o.word)} in ${c.name}${suffix}`,
        crate: c.name
    }));
    // A count the crate rows do not account for (rows lost, or a report edited) still counts.
    if (listed < total)
        out.push({ ...base, message: `${plural(total - listed, o.word)} in ${unlisted}${suffix}` });
    return out;
}
/**
 * Fail closed: without a check that ran and was read there is nothing to call stable. Added by the
 * judge over all findings, unless another finding already says why (a phase, or cargo's refusal).
 */
function untrustedCheck(report, findings) {
    if (report.shard?.members.length === 0)
        return null;
    const check = checkingPhase(report.phases);
    if (check && check.ran && !check.failure)
        return null;
    const explained = findings.some(f => f.severity === 'block' && (f.code.startsWith('phase') || f.code === 'cargo-refused'));
    return explained
        ? null
        : {
            code: 'phase-failed',
            severity: 'block',
            message: 'cargo check did not complete, so the build cannot be called stable',
            source: SOURCE$4
        };
}
const LABELS = {
    metadata: 'cargo metadata',
    check: 'cargo check',
    'test-build': 'cargo test (build)',
    build: 'cargo build (compile once: check and test build)',
    test: 'cargo test'
};
/** A phase in words; a capability's own phase is `cargo <name>`. */
function label(phase) {
    return LABELS[phase] ?? `cargo ${phase}`;
}

// GitHub annotations: a message at a file's line, relative to the repository's checkout.
/** GitHub shows at most 10 annotations of each level per step: more is noise that hides the rest. */
const MAX_PER_LEVEL = 10;
/**
 * `repoRoot` is where annotation paths must be relative to (GITHUB_WORKSPACE); rustc's file names are
 * relative to the workspace root, or absolute for path dependencies.
 */
function annotationPath(repoRoot, workspaceRoot, file) {
    return path.relative(repoRoot, path.resolve(workspaceRoot, file)).split(path.sep).join('/');
}

// Pieces of markdown every rendering shares: code fences and spans nothing printed can break out of,
// HTML escaping, and links to a file's line at the commit.
function blobLinks(env, fallbackRoot) {
    const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    const base = env.GITHUB_REPOSITORY && env.GITHUB_SHA
        ? `${server}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}`
        : null;
    return { base, repoRoot: env.GITHUB_WORKSPACE ?? fallbackRoot };
}
/** A file named relative to the workspace root, as a path in the repository; null when outside it. */
function repositoryPath(workspaceRoot, file, repoRoot) {
    const relative = path.relative(repoRoot, path.resolve(workspaceRoot, file));
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
        return null;
    return relative.split(path.sep).join('/');
}
function blobUrl$1(links, repoPath, line) {
    if (!links.base)
        return null;
    return `${links.base}/${repoPath.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}
/** A file's line at the commit, as a link (nothing when the commit or the file is unknown). */
function lineLink(links, repoPath, line) {
    const url = repoPath && line !== undefined ? blobUrl$1(links, repoPath, line) : null;
    return url ? [`[${codeSpan(`${repoPath}#L${line}`)}](${url})`, ''] : [];
}
/** A code fence longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map(m => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return [`${fence}text`, text, fence];
}
/** Inline code: no emphasis inside (`__fixtures__` stays as it is), backticks in it fenced off. */
function codeSpan(s) {
    const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map(m => m[0].length));
    const tick = '`'.repeat(longest + 1);
    return longest ? `${tick} ${s} ${tick}` : `${tick}${s}${tick}`;
}
function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** A code span as CommonMark reads one: a run of backticks, closed by a run of the same length. */
const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/;
/**
 * Text for markdown (a comment's prose): code spans kept as they are, and outside them `<`, `>` and
 * `&` escaped, so a compiler's `Vec<T>` written without backticks is shown, not taken for a tag.
 */
function markdownText(s) {
    return byCodeSpans(s, escapeHtml, span => span);
}
/** Renders `s` piece by piece: the prose between code spans, and each code span (whole, and its inside). */
function byCodeSpans(s, prose, code) {
    const out = [];
    let rest = s;
    for (let m = CODE_SPAN.exec(rest); m; m = CODE_SPAN.exec(rest)) {
        out.push(prose(rest.slice(0, m.index)), code(m[0], m[2]));
        rest = rest.slice(m.index + m[0].length);
    }
    out.push(prose(rest));
    return out.join('');
}
/**
 * Text for raw HTML (lists, table cells, `<summary>`), where GitHub renders no markdown: escaped, with
 * its code spans (`x`, ``a`b``) as `<code>` and **bold** as `<strong>`, as markdown would show them.
 */
function inlineHtml(s) {
    return byCodeSpans(s, text => strong(escapeHtml(text)), 
    // CommonMark strips one space each side, so a span can start or end with a backtick.
    (_, inside) => `<code>${escapeHtml(/^ .*[^ ].* $/s.test(inside) ? inside.slice(1, -1) : inside)}</code>`);
}
function strong(s) {
    return s.replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>');
}
const firstLine = (s) => s.split('\n')[0];
const trimEnd = (s) => s.replace(/\s+$/, '');
/** How many of the first diagnostics and failing tests the job summary shows in full. */
const SUMMARY_DETAILS = 10;
/** An HTML table; everything cargo or a test printed is escaped, its code spans shown as code. */
function htmlTable(head, rows) {
    const tr = (cells, tag) => `<tr>${cells.map(c => `<${tag}>${inlineHtml(c)}</${tag}>`).join('')}</tr>`;
    return `<table>${tr(head, 'th')}${rows.map(r => tr(r, 'td')).join('')}</table>`;
}
function htmlList(items) {
    return `<ul>${items.map(i => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`;
}

// The compiler's own words (rustc's `rendered` text) where people look: the Actions log grouped per
// crate, collapsible blocks in the job summary / PR comment, the terminal as cargo prints them, and
// annotations at file:line:column. Pure: the report (and where links point) in, text out.
/** With more diagnostics than the summary shows in full, how many open it before the rest fold. */
const COLLAPSE_AFTER = 3;
/** Errors first, then warnings; within a severity the order cargo reported them. */
function errorsFirst(items) {
    return [...items.filter(d => d.severity === 'error'), ...items.filter(d => d.severity !== 'error')];
}
/** Crates in order of their first error (then first warning), each with its diagnostics, errors first. */
function byCrate(items) {
    const groups = new Map();
    for (const d of errorsFirst(items))
        groups.set(d.crate, [...(groups.get(d.crate) ?? []), d]);
    return [...groups].map(([crate, list]) => ({ crate, items: list }));
}
/**
 * The Actions log: one `::group::` per crate. rustc's text is printed between `::stop-commands::`
 * markers so that nothing in it (a source line, a message) can be read as a workflow command.
 */
function logLines(report, stopToken) {
    const out = [];
    for (const g of byCrate(report.diagnostics.items)) {
        const errors = g.items.filter(d => d.severity === 'error').length;
        const counts = [
            errors ? plural(errors, 'error') : '',
            g.items.length - errors ? plural(g.items.length - errors, 'warning') : ''
        ];
        out.push(`::group::${g.crate}: ${counts.filter(Boolean).join(', ')}`);
        out.push(`::stop-commands::${stopToken}`);
        for (const d of g.items)
            out.push(trimEnd(d.renderedAnsi ?? d.rendered), '');
        out.push(`::${stopToken}::`, '::endgroup::');
    }
    if (report.diagnostics.omitted)
        out.push(`${report.diagnostics.omitted} more diagnostic(s) were counted but not kept in the report.`);
    return out;
}
/** Terminal lines: each diagnostic as cargo prints it, errors first, in colour only when asked to. */
function terminalDiagnostics(report, colour) {
    return errorsFirst(report.diagnostics.items).flatMap(d => [
        trimEnd(colour ? (d.renderedAnsi ?? d.rendered) : d.rendered),
        ''
    ]);
}
/** After the crate table: what was counted but not kept. */
function omittedText(report) {
    const n = report.diagnostics.omitted;
    return n ? [`${n} more diagnostic(s) were counted but not kept in the report.`] : [];
}
/** The job summary's part: the first diagnostics in full, and what was counted but not shown. */
function buildMarkdown(report, links) {
    const d = report.diagnostics;
    const out = [diagnosticsMarkdown(report, links)];
    if (d.omitted)
        out.push(`<p>${d.omitted} more diagnostic(s) were counted but not kept in the report (it keeps the first ${d.items.length}).</p>`);
    if (d.dependencyWarnings)
        out.push(`<p>${d.dependencyWarnings} warning(s) from dependencies were not counted.</p>`);
    const shown = out.filter((s) => !!s);
    return shown.length ? shown.join('\n') : null;
}
/**
 * The first diagnostics for the job summary and the PR comment, errors first, each in a collapsible
 * block with rustc's text in a code fence and a link to the line at the commit.
 */
function diagnosticsMarkdown(report, links, max = SUMMARY_DETAILS) {
    const items = errorsFirst(report.diagnostics.items);
    if (items.length === 0)
        return null;
    const shown = items.slice(0, max);
    // More than `max`: the first few open the section, the rest of those shown fold into one block.
    const few = items.length > max ? COLLAPSE_AFTER : shown.length;
    const block = (d, open) => {
        const where = d.span ? repositoryPath(report.workspace.root, d.span.file, links.repoRoot) : null;
        const title = `${d.severity}${d.code ? `[${d.code}]` : ''}: ${firstLine(d.message)}`;
        const at = d.span ? ` (${d.crate}, ${where ?? d.span.file}:${d.span.line})` : ` (${d.crate})`;
        return [
            `<details${open ? ' open' : ''}><summary>${inlineHtml(title + at)}</summary>`,
            '',
            ...lineLink(links, where, d.span?.line),
            ...fenced(trimEnd(d.rendered)),
            '',
            '</details>',
            ''
        ];
    };
    const out = ['### Compiler diagnostics', ''];
    for (const d of shown.slice(0, few))
        out.push(...block(d, d.severity === 'error'));
    const folded = shown.slice(few);
    if (folded.length > 0) {
        out.push(`<details><summary>${plural(folded.length, 'more diagnostic')}</summary>`, '');
        for (const d of folded)
            out.push(...block(d, false));
        out.push('</details>', '');
    }
    const more = items.length - shown.length + report.diagnostics.omitted;
    if (more > 0)
        out.push(`${more} more in the report.`, '');
    return out.join('\n').trimEnd();
}
/**
 * Up to `max` diagnostics of one severity, taken round-robin over crates (each crate's first, then
 * each crate's second, …) so that one noisy crate does not hide the others.
 */
function spreadOverCrates(items, max) {
    const queues = new Map();
    for (const d of items)
        queues.set(d.crate, [...(queues.get(d.crate) ?? []), d]);
    const picked = [];
    for (let round = 0; picked.length < max; round++) {
        const before = picked.length;
        for (const q of queues.values())
            if (round < q.length && picked.length < max)
                picked.push(q[round]);
        if (picked.length === before)
            break;
    }
    return picked;
}
/** Workspace diagnostics as annotations at file:line:column, spread over the crates. */
function diagnosticAnnotations(report, repoRoot) {
    const items = report.diagnostics.items;
    const chosen = [
        ...spreadOverCrates(items.filter(d => d.severity === 'error'), MAX_PER_LEVEL),
        ...spreadOverCrates(items.filter(d => d.severity === 'warning'), MAX_PER_LEVEL)
    ];
    return chosen.map(d => {
        const title = `${d.crate}: ${d.severity}${d.code ? `[${d.code}]` : ''}`;
        if (!d.span)
            return { level: d.severity, title, message: d.message };
        const sameLine = d.span.line === d.span.endLine;
        return {
            level: d.severity,
            title,
            message: d.message,
            file: annotationPath(repoRoot, report.workspace.root, d.span.file),
            startLine: d.span.line,
            endLine: d.span.endLine,
            // GitHub accepts columns only for single-line annotations.
            ...(sameLine ? { startColumn: d.span.column, endColumn: d.span.endColumn } : {})
        };
    });
}

// Clippy as the checker (`clippy: true`). Two phases: `cargo clippy` with the check-args where
// `cargo check` ran, clippy-args after `--`. Compile once: clippy's own driver wraps rustc for the
// workspace's crates in the one `cargo build` (RUSTC_WORKSPACE_WRAPPER, the lint flags in CLIPPY_ARGS,
// as `cargo clippy` passes them), and in the test run too, so cargo's fingerprints agree and the tests
// rebuild nothing. clippy missing from the toolchain is a clear error, before any phase runs.
/** How cargo-clippy joins the lint flags into CLIPPY_ARGS (clippy-driver splits them on it). */
const CLIPPY_SEPARATOR = '__CLIPPY_HACKERY__';
/** The clippy the toolchain has, or a GateError saying how to install it. */
async function findClippy(run, cwd, config) {
    const plus = config.toolchain ? [`+${config.toolchain}`] : [];
    const said = [];
    const listen = { onStdoutLine: (l) => said.push(l), onStderrLine: (l) => said.push(l) };
    const version = await run('cargo', [...plus, 'clippy', '--version'], { cwd, timeoutSeconds: 120, ...listen });
    if (version.exitCode !== 0) {
        const words = said.find(l => /error/i.test(l)) ?? said[0] ?? version.spawnError ?? 'no output';
        const toolchain = config.toolchain ? ` --toolchain ${config.toolchain}` : '';
        throw new GateError('environment', `clippy: true, but clippy is not installed for ${config.toolchain ? `the toolchain ${config.toolchain}` : 'the active toolchain'} (\`cargo clippy --version\`: ${words.trim()}). Install it with \`rustup component add clippy${toolchain}\`, or set clippy: false.`, 'clippy');
    }
    said.length = 0;
    const sysroot = await run('rustc', [...plus, '--print', 'sysroot'], { cwd, timeoutSeconds: 120, ...listen });
    const driver = sysroot.exitCode === 0 && said[0] ? path.join(said[0].trim(), 'bin', 'clippy-driver') : null;
    return { args: config.clippyArgs, driver: driver && existsSync(driver) ? driver : null };
}
/** `cargo check …` as `cargo clippy …`, the lint flags after `--`. */
function clippyCheck(cmd, args) {
    const sub = cmd.args.indexOf('check');
    if (sub === -1)
        return cmd;
    const withClippy = [...cmd.args.slice(0, sub), 'clippy', ...cmd.args.slice(sub + 1)];
    return { ...cmd, args: args.length ? [...withClippy, '--', ...args] : withClippy };
}
/** What the one build and the test run need so that clippy lints the workspace's crates in them. */
function clippyWrapper(setup) {
    return {
        RUSTC_WORKSPACE_WRAPPER: setup.driver,
        CLIPPY_ARGS: setup.args.map(a => `${a}${CLIPPY_SEPARATOR}`).join('')
    };
}

// Which members a cargo command builds anything for, from cargo's target selection. By default
// `cargo check` builds libs and bins (a member of integration tests only gets nothing), and `cargo test`
// the targets that are tested (test = true), doc-tested (a lib with doctest = true) or examples (built
// to check they compile): a member whose targets all opt out is left alone, and rightly so. With
// explicit target flags, the members with a target of a selected kind. Either way only targets whose
// required-features the command enables count: cargo skips the others without a word.
const SELECTORS = {
    '--lib': isLibTarget,
    '--bins': t => t.kind.includes('bin'),
    '--bin': t => t.kind.includes('bin'),
    '--tests': t => t.test !== false || t.kind.includes('test'),
    '--test': t => t.kind.includes('test'),
    '--examples': t => t.kind.includes('example'),
    '--example': t => t.kind.includes('example'),
    '--benches': t => t.kind.includes('bench'),
    '--bench': t => t.kind.includes('bench'),
    '--all-targets': () => true
};
const DEFAULTS = {
    check: t => isLibTarget(t) || t.kind.includes('bin'),
    // Metadata from a cargo without the test flag says nothing: expect the member to be built.
    test: t => t.test !== false || t.doctest === true || t.kind.includes('example')
};
function buildsMember(pkg, args, command) {
    const own = cargoOwnArgs(args);
    const on = enabledFeatures(pkg, own);
    const targets = pkg.targets.filter(t => on === 'all' || (t['required-features'] ?? []).every(f => on.has(f)));
    const flags = Object.keys(SELECTORS).filter(f => own.some(a => a === f || a.startsWith(`${f}=`)));
    if (flags.length === 0)
        return targets.some(DEFAULTS[command]);
    return targets.some(t => flags.some(f => SELECTORS[f](t)));
}
/** The package's features the args turn on, with what `default` and each of them enable in turn. */
function enabledFeatures(pkg, own) {
    if (own.includes('--all-features'))
        return 'all';
    const listed = featureArgs$1(own)
        .flatMap(v => v.split(/[\s,]+/))
        .filter(Boolean)
        // `member/feature` names one member's feature; a plain name, every selected member's.
        .flatMap(f => !f.includes('/') ? [f] : f.startsWith(`${pkg.name}/`) ? [f.slice(pkg.name.length + 1)] : []);
    const queue = [...(own.includes('--no-default-features') ? [] : ['default']), ...listed];
    const on = new Set();
    for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
        if (on.has(f))
            continue;
        on.add(f);
        // `dep:x` and `x/feature` are about dependencies; a plain name is another feature of the package.
        for (const e of pkg.features[f] ?? [])
            if (!e.includes('/') && !e.startsWith('dep:'))
                queue.push(e);
    }
    return on;
}
function featureArgs$1(own) {
    const out = [];
    for (let i = 0; i < own.length; i++) {
        const a = own[i];
        if ((a === '--features' || a === '-F') && i + 1 < own.length)
            out.push(own[++i]);
        else if (a.startsWith('--features='))
            out.push(a.slice('--features='.length));
        else if (a.startsWith('-F') && a.length > 2)
            out.push(a.slice(a[2] === '=' ? 3 : 2));
    }
    return out;
}
/** The selected members the command has something to build for. */
function expectedBuilt(meta, selected, args, command) {
    return workspaceMembers(meta)
        .filter(p => selected.includes(p.name) && buildsMember(p, args, command))
        .map(p => p.name);
}

/** A non-zero exit that the readers did not explain is a failure in cargo's own words. */
function explainExit(result, explained, dependencyErrors, tail) {
    if (result.failure || result.exitCode === 0 || explained)
        return;
    const dep = dependencyErrors[0];
    const words = dep
        ? `dependency ${dep.package} failed to compile: ${dep.message}`
        : cargoWords$1(result.cargoErrors, tail);
    result.failure = `exited with code ${result.exitCode}: ${words}`;
}
function cargoWords$1(errors, tail) {
    return errors.length > 0 ? errors.join('\n') : tail.join('\n').trim() || '(cargo printed nothing on stderr)';
}
/** Why nothing can be built on this build phase (the tests, say), or undefined when it can. */
function cannotBuildOn(phase, errors, what) {
    if (errors > 0)
        return `${what} failed with compile errors`;
    if (phase.failure)
        return `${what} failed`;
    if (phase.untrusted)
        return `${what} did not build the workspace`;
    return undefined;
}

// Which workspace members a cargo command selects (`-p`, `--workspace`, `--exclude`, default members),
// so the gate can tell whether each of them was built: a stable verdict needs the workspace checked.
/** Member names the args select, as cargo would (globs in -p / --exclude included). */
function selectedMembers(args, meta) {
    const all = workspaceMembers(meta);
    const names = all.map(m => m.name);
    const packages = optionValues(args, ['-p', '--package']);
    const excluded = optionValues(args, ['--exclude']);
    const own = cargoOwnArgs(args);
    if (packages.length > 0)
        return names.filter(n => packages.some(p => matches(p, n)));
    if (own.includes('--workspace') || own.includes('--all'))
        return names.filter(n => !excluded.some(p => matches(p, n)));
    const defaults = meta.workspace_default_members;
    if (!defaults)
        return names;
    return all.filter(m => defaults.includes(m.id)).map(m => m.name);
}
function optionValues(args, flags) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--')
            break;
        if (flags.includes(a) && i + 1 < args.length)
            out.push(args[++i]);
        for (const f of flags) {
            if (f.startsWith('--') && a.startsWith(`${f}=`))
                out.push(a.slice(f.length + 1));
            else if (f === '-p' && a.startsWith('-p') && a.length > 2)
                out.push(a.slice(2));
        }
    }
    return out.flatMap(v => v.split(',')).map(v => v.trim().replace(/@.*$/, ''));
}
/** cargo's package specs accept `*`, `?` and `[…]` globs. */
function matches(spec, name) {
    if (!/[*?[]/.test(spec))
        return spec === name;
    const re = spec
        .replace(/[.+^${}()|\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${re}$`).test(name);
}

// What in cargo's arguments decides which units a command compiles, and how: packages, features,
// profile, target, `--config` values, unstable flags. Read by meaning, so two commands can be compared
// (`--release` is `--profile release`, `-Fa,b` is `--features "a b"`, `--config 'k = 1'` is
// `--config k=1`), and so the test run can take the check's. Pure.
/** Flags that choose a package's targets: the check's, never the test run's (it runs its own). */
const TARGET_SELECTION = ['--lib', '--bins', '--tests', '--examples', '--benches', '--all-targets'];
const TARGET_NAMED = ['--bin', '--example', '--test', '--bench'];
/** Only `cargo check` (and build) take these. */
const CHECK_ONLY = ['--keep-going', '--unit-graph'];
const VALUED = new Set([
    '-p',
    '--package',
    '--exclude',
    '-F',
    '--features',
    '--profile',
    '--target',
    '--config',
    '-Z',
    '-j',
    '--jobs',
    '--target-dir',
    '--manifest-path',
    '--lockfile-path'
]);
const SWITCHES = new Set([
    '--workspace',
    '--all',
    '--all-features',
    '--no-default-features',
    '-r',
    '--release',
    '--locked',
    '--offline',
    '--frozen',
    '--ignore-rust-version'
]);
/** The args read by meaning, or why they cannot be (a flag not known here, a flag without its value). */
function readBuildArgs(args, input) {
    const s = {
        workspace: false,
        packages: [],
        exclude: [],
        allFeatures: false,
        noDefaultFeatures: false,
        features: [],
        profile: null,
        targets: [],
        config: [],
        unstable: [],
        other: []
    };
    for (let i = 0; i < args.length; i++) {
        const [flag, attached] = splitFlag(args[i]);
        if (SWITCHES.has(flag) && attached === null) {
            if (flag === '--workspace' || flag === '--all')
                s.workspace = true;
            else if (flag === '--all-features')
                s.allFeatures = true;
            else if (flag === '--no-default-features')
                s.noDefaultFeatures = true;
            else if (flag === '-r' || flag === '--release')
                s.profile = 'release';
            else
                s.other.push(flag);
            continue;
        }
        if (!VALUED.has(flag))
            return `${input} has \`${args[i]}\`, which compile-once does not know to be the same for check and test`;
        const value = attached ?? args[++i];
        if (value === undefined)
            return `${input}: ${flag} has no value`;
        if (flag === '-p' || flag === '--package')
            s.packages.push(value);
        else if (flag === '--exclude')
            s.exclude.push(value);
        else if (flag === '-F' || flag === '--features')
            s.features.push(...value.split(/[ ,]+/).filter(Boolean));
        else if (flag === '--profile')
            s.profile = value;
        else if (flag === '--target')
            s.targets.push(value);
        else if (flag === '--config')
            s.config.push(configValue(value));
        else if (flag === '-Z')
            s.unstable.push(value);
        else
            s.other.push(`${flag === '--jobs' ? '-j' : flag}=${value}`);
    }
    return s;
}
/**
 * The test run's args when `test-args` is not given: the check's, without what only a check takes (its
 * target selection, `--keep-going`), so the tests build the packages, features, profile, target and
 * config the check checked.
 */
function testArgsOfCheck(checkArgs) {
    const out = [];
    for (let i = 0; i < checkArgs.length; i++) {
        const [flag, attached] = splitFlag(checkArgs[i]);
        if (TARGET_SELECTION.includes(flag) || CHECK_ONLY.includes(flag))
            continue;
        if (TARGET_NAMED.includes(flag)) {
            // The name is optional to cargo (alone it lists the targets).
            if (attached === null && checkArgs[i + 1] !== undefined && !checkArgs[i + 1].startsWith('-'))
                i++;
            continue;
        }
        out.push(checkArgs[i]);
    }
    return out;
}
/** `--flag=value` and the short forms with the value attached (`-pcore`, `-Fx`, `-j2`, `-Zflag`). */
function splitFlag(arg) {
    if (arg.startsWith('--')) {
        const eq = arg.indexOf('=');
        return eq === -1 ? [arg, null] : [arg.slice(0, eq), arg.slice(eq + 1)];
    }
    if (/^-[pFjZ]./.test(arg))
        return [arg.slice(0, 2), arg.slice(2).replace(/^=/, '')];
    return [arg, null];
}
/** `KEY=VALUE` as cargo reads it (a TOML key and value), so spelling does not matter; else a file. */
function configValue(value) {
    try {
        return JSON.stringify(sorted(parse(value)));
    }
    catch {
        return `file:${value}`;
    }
}
function sorted(v) {
    if (Array.isArray(v))
        return v.map(sorted);
    if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, sorted(x)]));
    return v;
}

// Compile once: `cargo check` then `cargo test` compiles every workspace crate twice (metadata, then
// code). One `cargo build --lib --bins --tests --examples` compiles the same units as both:
// - `cargo check` (no target flags) checks lib and bins in normal mode: `--lib --bins`, same cfg, so
//   the same lints (dead code used only by tests included);
// - `cargo test --no-run` builds the test-mode lib, bins and integration tests (`--tests`) and the
//   examples (`--examples`), and the normal lib they link;
// and `cargo test` afterwards finds every unit fresh (same dev/test profiles). This holds only when
// both commands compile the same: packages, features, profile, target, `--config` values and -Z flags,
// read by meaning (build-args.ts), and no target selection; otherwise the gate runs the two phases. Pure: the user's args and the workspace in, a plan out.
/** Only the test run reads these. */
const RUN_ONLY = new Set(['--no-fail-fast', '--fail-fast']);
/**
 * `packages`: the shard's members, which replace the user's package selection in both commands
 * (see commands.ts); null for the user's own selection.
 */
function planBuild(input, meta, packages = null) {
    if (input.compileOnce === 'off')
        return twoPhase('compile-once is off');
    if (!input.runTests)
        return twoPhase('tests are not run, so `cargo check` alone is the build');
    const checkArgs = withoutOutputFlags(input.checkArgs);
    const testArgs = withoutOutputFlags(input.testArgs);
    // --keep-going changes only how far a failed build goes; the one build keeps going anyway.
    const check = readBuildArgs(checkArgs.filter(a => a !== '--keep-going'), 'check-args');
    const test = readBuildArgs(cargoOwnArgs(testArgs).filter(a => !RUN_ONLY.has(a)), 'test-args');
    if (typeof check === 'string')
        return twoPhase(check);
    if (typeof test === 'string')
        return twoPhase(test);
    if (packages) {
        for (const s of [check, test])
            Object.assign(s, { workspace: false, packages, exclude: [] });
    }
    if (!same$2(selectionOf(check), selectionOf(test)))
        return twoPhase('check-args and test-args select different packages');
    const differs = HOW$1.find(([, of]) => !same$2(of(check), of(test)));
    if (differs)
        return twoPhase(`check-args and test-args differ in ${differs[0](check, test)}`);
    if (check.config.some(setsTestProfile))
        return twoPhase("check-args' --config sets the test or bench profile, which the one `cargo build` does not build with");
    const selected = selectedPackages(check, meta);
    if (!same$2(featuresOf(check), featuresOf(test)) && selected.some(p => Object.keys(p.features).length > 0))
        return twoPhase('check-args and test-args select different features');
    const hasLib = selected.some(p => p.targets.some(isLibTarget));
    return {
        mode: 'compile-once',
        args: [
            ...(packages ? [...withoutSelection(checkArgs), ...packages.flatMap(p => ['-p', p])] : checkArgs),
            ...(hasLib ? ['--lib'] : []),
            '--bins',
            '--tests',
            '--examples'
        ]
    };
}
/** The one build, read like the check: cargo's JSON messages, and --keep-going as the check has it. */
function compileOnceCommand(config, args) {
    const toolchain = config.toolchain ? [`+${config.toolchain}`] : [];
    const keepGoing = args.includes('--keep-going') ? [] : ['--keep-going'];
    return { program: 'cargo', args: [...toolchain, 'build', ...args, ...keepGoing, MESSAGE_FORMAT] };
}
function twoPhase(reason) {
    return { mode: 'two-phase', reason };
}
/** How both commands compile, beyond packages and features: what differs, and how to read it. */
const HOW$1 = [
    [() => 'their profile (--profile, --release)', s => s.profile],
    [() => 'their target (--target)', s => [...new Set(s.targets)].sort()],
    [() => 'their --config values', s => s.config],
    [() => 'their -Z flags', s => s.unstable],
    [(a, b) => diff(a.other, b.other).join(' ') || 'the order of their flags', s => [...s.other].sort()]
];
/** A `--config` that sets `profile.test` or `profile.bench`: `cargo test` builds with those, `cargo build` not. */
function setsTestProfile(config) {
    if (config.startsWith('file:'))
        return false;
    const profile = JSON.parse(config).profile;
    return profile !== undefined && ('test' in profile || 'bench' in profile);
}
function selectionOf(s) {
    return { workspace: s.workspace, packages: [...s.packages].sort(), exclude: [...s.exclude].sort() };
}
function featuresOf(s) {
    return { all: s.allFeatures, noDefault: s.noDefaultFeatures, features: [...new Set(s.features)].sort() };
}
/** The packages both commands build: as cargo resolves `--workspace`, `-p`, `--exclude` and defaults. */
function selectedPackages(s, meta) {
    const members = meta.packages.filter(p => meta.workspace_members.includes(p.id));
    if (s.packages.length > 0)
        return members.filter(p => s.packages.includes(p.name));
    if (s.workspace)
        return members.filter(p => !s.exclude.includes(p.name));
    const defaults = meta.workspace_default_members ?? meta.workspace_members;
    return members.filter(p => defaults.includes(p.id));
}
/** The args without package selection (for a shard, whose `-p` list replaces it). */
function withoutSelection(args) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--workspace' || a === '--all')
            continue;
        if (a === '-p' || a === '--package' || a === '--exclude') {
            i++;
            continue;
        }
        if (a.startsWith('--package=') || a.startsWith('--exclude='))
            continue;
        out.push(a);
    }
    return out;
}
function same$2(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function diff(a, b) {
    return [...a.filter(x => !b.includes(x)), ...b.filter(x => !a.includes(x))];
}

/** Why a phase that exited 0 cannot be trusted because some selected member produced nothing. */
function unbuiltProblem(phase, selected, built, expected = selected) {
    if (phase.failure || phase.exitCode !== 0)
        return null;
    const missing = expected.filter(m => !built.has(m));
    if (selected.length === 0)
        return `\`${phase.command.join(' ')}\` selects no workspace member, so the workspace was not built`;
    if (missing.length === 0)
        return null;
    return `cargo reported nothing built for ${list$1(missing)}: the workspace was not built as selected (are the arguments pointing at another manifest or package?)`;
}
/**
 * Sets the phase's `untrusted` when it exited 0 without building every `expected` member: the selected
 * ones it has something to build for (see builds-member.ts).
 */
function markUnbuilt(phase, selected, built, expected = selected) {
    const problem = unbuiltProblem(phase, selected, built, expected);
    if (problem)
        phase.untrusted = problem;
}
/** The crates a failed build stopped at: members with compile errors, else the broken dependencies. */
function stoppedAt(tally, members) {
    const own = [...tally.perCrate].filter(([, c]) => c.errors > 0).map(([name]) => name);
    if (own.length > 0)
        return own.sort();
    const deps = tally.dependencyErrors.map(d => members.get(d.package) ?? packageName(d.package));
    return [...new Set(deps)].sort();
}
/** `registry+…#name@1.0.0` or `path+file:///…/name#1.0.0` → a readable name. */
function packageName(id) {
    const hash = id.split('#')[1] ?? id;
    return hash.includes('@') ? hash : `${id.split('#')[0].split('/').pop()}@${hash}`;
}
/**
 * Members a failed check never reached (with --keep-going cargo still skips the crates that depend on
 * a broken one), each with the crates the build stopped at; when no crate failed (cargo refused the
 * arguments, e.g. a feature no package has), every member it did not build, with `refused`.
 */
function notChecked(selected, built, failedCrates, refused = null) {
    const out = new Map();
    const why = failedCrates.length > 0 ? `not checked: the build stopped at ${list$1(failedCrates)}` : refused;
    if (why === null)
        return out;
    for (const m of selected)
        if (!built.has(m) && !failedCrates.includes(m))
            out.set(m, why);
    return out;
}
function list$1(names) {
    const shown = names.slice(0, 5).join(', ');
    return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

// The build's run: cargo check (or, compile-once, one cargo build standing for check and test build),
// then the test build when the tests will run; each phase held to the members it selected, and the
// crates a failed build never reached named. The diagnostics go to the run's one tally (ports.cargo).
async function runBuild(cargo, meta, 
/** The shard's members; null: the user's own selection. */
packages, config, 
/** clippy as the checker; null: cargo check. */
clippy = null, state = { wrapper: null }) {
    const members = new Map(workspaceMembers(meta).map(p => [p.id, p.name]));
    const tally = cargo.diagnostics;
    // The members each phase really built: a phase that skipped one cannot vouch for it.
    const built = { check: new Set(), build: new Set(), 'test-build': new Set() };
    const phase = async (name, command) => {
        const run = await cargo.phase(name, command, {
            artifact: (a) => {
                const member = members.get(a.packageId);
                // A build script compiled says nothing of the crate's own code (its lib or bin may never be).
                if (member && !a.targetKind.includes('custom-build'))
                    built[name].add(member);
            }
        });
        explainExit(run.result, tally.errors > 0, tally.dependencyErrors, run.stderrTail);
        return run.result;
    };
    const planned = planBuild(config, meta, packages);
    const plan = planned.mode === 'compile-once' && clippy && !clippy.driver
        ? { mode: 'two-phase', reason: "clippy-driver is not in the toolchain's sysroot, so `cargo clippy` checks" }
        : planned;
    const once = plan.mode === 'compile-once' ? compileOnceCommand(config, plan.args) : null;
    // With clippy its driver wraps rustc in the one build and in the test run alike (the hook adds it).
    if (once && clippy?.driver)
        state.wrapper = clippyWrapper({ ...clippy, driver: clippy.driver });
    const checkCommand = phaseCommand(config, 'check', packages);
    // Compile once: one cargo build stands for check + test build (see compile-once.ts).
    const check = once
        ? await phase('build', once)
        : await phase('check', clippy ? clippyCheck(checkCommand, clippy.args) : checkCommand);
    const checkSelected = packages ?? selectedMembers(config.checkArgs, meta);
    const checkBuilt = built[once ? 'build' : 'check'];
    const checkable = expectedBuilt(meta, checkSelected, once?.args ?? config.checkArgs, 'check');
    // A check with nothing to check in any selected member checked nothing: it still has to build them.
    markUnbuilt(check, checkSelected, checkBuilt, checkable.length ? checkable : checkSelected);
    if (config.runTests && !once && !cannotBuildOn(check, tally.errors, 'cargo check')) {
        const testBuild = await phase('test-build', phaseCommand(config, 'test-build', packages));
        const testSelected = packages ?? selectedMembers(config.testArgs, meta);
        markUnbuilt(testBuild, testSelected, built['test-build'], expectedBuilt(meta, testSelected, config.testArgs, 'test'));
    }
    // A check that failed before building anything (cargo refused its arguments) checked nothing.
    const refused = check.exitCode !== 0 || check.failure ? 'not checked: cargo stopped before checking it' : null;
    const unchecked = notChecked(checkSelected, checkBuilt, stoppedAt(tally, members), refused);
    const crates = {};
    for (const name of members.values()) {
        const d = tally.perCrate.get(name) ?? { warnings: 0, errors: 0 };
        crates[name] = { warnings: d.warnings, errors: d.errors, ...(unchecked.has(name) ? { notChecked: unchecked.get(name) } : {}) };
    }
    return {
        section: { compileOnce: { mode: plan.mode, reason: plan.mode === 'two-phase' ? plan.reason : null } },
        crates
    };
}

const BUILD_CODES = {
    'compile-errors': 'rustc reported errors in workspace crates or a dependency did not compile',
    warnings: 'rustc reported warnings in workspace crates (dependency warnings never count)',
    'phase-failed': 'a cargo phase did not run, was killed, or its output cannot be trusted',
    'phase-missing': 'a phase the verdict needs did not run',
    'phase-untrusted': 'a phase exited 0 without building every selected member, or test output contradicts libtest or cargo',
    'process-left-running': 'a process a phase started (e.g. a server a test did not stop) outlived cargo and held its output open',
    'shard-empty': 'this shard has no crates to gate'
};

// build: cargo check (and the test build) read per crate: compile errors, warnings, phases.
function denyWarnings(p) {
    if (p.raw('deny-warnings') === 'new')
        return { denyWarnings: false, warningRatchet: true };
    try {
        return { denyWarnings: p.bool('deny-warnings'), warningRatchet: false };
    }
    catch {
        throw new ConfigError('deny-warnings', `'${p.raw('deny-warnings')}' is not a boolean nor new; use true (every warning blocks), false (none does) or new (only warnings new against the base block).`);
    }
}
function clippy(p) {
    const on = p.bool('clippy');
    const args = p.args('clippy-args');
    if (args.length && !on)
        throw new ConfigError('clippy-args', 'is set, but clippy is false: set clippy: true to check with cargo clippy.');
    return { clippy: on, clippyArgs: args };
}
const build = {
    name: 'build',
    stage: 'build',
    inputs: [
        {
            name: 'check-args',
            default: '--workspace --all-features',
            description: 'Arguments for `cargo check` (split on spaces, quotes respected; never passed to a shell).'
        },
        {
            name: 'compile-once',
            default: 'auto',
            description: "With `auto`, when check-args and test-args compile the same (packages, features, profile, target, `--config` values and `-Z` flags, compared by meaning, not spelling), one `cargo build --lib --bins --tests --examples` replaces `cargo check` and the test build (the same diagnostics, each crate compiled once) and `cargo test` reuses it; otherwise, or with `off`, check and test build run apart. The report's `compileOnce` section says which ran and why."
        },
        {
            name: 'clippy',
            default: 'false',
            description: "Check with `cargo clippy` instead of `cargo check` (same check-args): clippy's lints are reported, counted and held like rustc's warnings. With compile-once, clippy's driver wraps rustc in the one build and the test run. Needs the clippy component (`rustup component add clippy`)."
        },
        {
            name: 'clippy-args',
            default: '',
            description: 'Arguments for clippy, passed after `--` (e.g. `-W clippy::pedantic`); needs `clippy: true`.'
        },
        {
            name: 'deny-warnings',
            default: 'true',
            description: 'Warnings from workspace crates make the build unstable (dependency warnings never count). `new`: only warnings new against the base block (a ratchet: per crate and lint the count must not grow), compared with the run history that trusted runs keep.'
        }
    ],
    parse: p => ({
        checkArgs: ownMessageFormat(p.args('check-args'), 'check-args'),
        compileOnce: p.oneOf('compile-once', ['auto', 'off']),
        ...denyWarnings(p),
        ...clippy(p)
    }),
    codes: BUILD_CODES,
    outputs: [
        {
            name: 'errors',
            description: 'Compile errors in workspace crates.',
            value: r => String(r.diagnostics.errors)
        },
        {
            name: 'warnings',
            description: 'Warnings in workspace crates (dependency warnings are not counted).',
            value: r => String(r.diagnostics.warnings)
        },
        {
            name: 'check-seconds',
            description: 'Wall seconds of `cargo check` (with compile-once, of the one `cargo build` that replaced check and test build).',
            // With compile-once, the one build that did the check's work.
            value: r => phaseSeconds(r, r.phases.some(p => p.name === 'build') ? ['build'] : ['check'])
        }
    ],
    crateDefaults: { warnings: 0, errors: 0 },
    start: () => {
        const state = {
            wrapper: null,
            hook: {
                // The test run reuses the one build only when clippy's driver wraps rustc there too.
                command: (phase, cmd) => state.wrapper && (phase === 'build' || phase === 'test') ? { ...cmd, env: { ...cmd.env, ...state.wrapper } } : cmd
            }
        };
        return state;
    },
    run: async (ports, config, state) => ports.cargo && ports.metadata
        ? runBuild(ports.cargo, ports.metadata, ports.report.shard?.members ?? null, config, config.clippy ? await findClippy(ports.run, ports.cwd, config) : null, state)
        : { section: {} },
    // Its findings span every phase, the tests' run included: read once every stage ran.
    findings: (report, config) => [...phaseFindings(report, config), ...diagnosticFindings(report, config)],
    guard: (report, findings) => {
        const guard = untrustedCheck(report, findings);
        return guard ? [guard] : [];
    },
    table: {
        columns: [
            { header: 'warnings', cell: c => String(c.warnings), total: r => String(r.diagnostics.warnings) },
            { header: 'errors', cell: c => String(c.errors), total: r => String(r.diagnostics.errors) }
        ],
        // Zeros of a crate cargo never reached would read as clean.
        unreached: c => c.notChecked ?? null
    },
    markdown: (r, ctx) => buildMarkdown(r, ctx.links),
    lead: terminalDiagnostics,
    terminal: omittedText,
    log: logLines,
    annotations: diagnosticAnnotations
};

// The cargo commands of a lint fix: the check that measures the warnings (which of them carry a
// machine-applicable suggestion, as cargo's JSON says), and `cargo fix` / `cargo clippy --fix` with the
// same arguments and the same targets, so what is fixed is exactly what is measured.
/** cargo's target selection flags; without one, every target is fixed and measured. */
const TARGETS = /^--(lib|bins?|tests?|examples?|benches|bench|all-targets)(=|$)/;
/** The check-args with every target, unless they select targets themselves (cargo fix's default). */
function withTargets(args) {
    const own = withoutOutputFlags(args);
    const sep = own.indexOf('--');
    const cargoArgs = sep === -1 ? own : own.slice(0, sep);
    return cargoArgs.some(a => TARGETS.test(a))
        ? own
        : [...cargoArgs, '--all-targets', ...own.slice(cargoArgs.length)];
}
function checkCommand(config) {
    const check = phaseCommand({ toolchain: config.toolchain, checkArgs: withTargets(config.checkArgs) }, 'check');
    return config.clippy ? clippyCheck(check, config.clippyArgs) : check;
}
/** `cargo fix` / `cargo clippy --fix` with the check's args and targets, and the consents given. */
function fixCommand(config, consents) {
    const plus = config.toolchain ? [`+${config.toolchain}`] : [];
    const args = withTargets(config.checkArgs).filter(a => a !== '--keep-going');
    const sub = config.clippy ? ['clippy', '--fix'] : ['fix'];
    const lints = config.clippy && config.clippyArgs.length ? ['--', ...config.clippyArgs] : [];
    return { program: 'cargo', args: [...plus, ...sub, ...args, ...consents, ...lints] };
}
function cargoEnv(where) {
    return { ...CARGO_OUTPUT_ENV, ...(where.targetDir ? { CARGO_TARGET_DIR: where.targetDir } : {}) };
}
/** The check as the gate runs it, reading which warnings are machine-applicable. */
async function measure$1(config, where) {
    const warnings = [];
    const errors = [];
    const seen = new Set();
    const sink = {
        diagnostic: (d) => {
            const key = diagnosticKey(d);
            if (seen.has(key))
                return;
            seen.add(key);
            if (d.severity === 'error')
                return void errors.push(d.rendered.trim() || d.message);
            warnings.push({
                identity: warningIdentity(d),
                crate: d.crate,
                lint: d.code ?? '',
                file: d.span?.file ?? '',
                rendered: stripVTControlCharacters(d.rendered).trim() || d.message,
                // The diagnostics reader keeps the fixes whose every edit is machine-applicable: cargo fix's.
                fixable: (d.suggestions?.length ?? 0) > 0
            });
        },
        dependencyError: (pkg, message) => void errors.push(`${pkg}: ${message}`)
    };
    const r = await runPhase('check', checkCommand(config), {
        cwd: where.root,
        env: cargoEnv(where),
        members: where.members,
        sink,
        run: where.run,
        timeoutSeconds: where.timeoutSeconds
    });
    const failed = r.result.failure ??
        (r.result.exitCode !== 0 && errors.length === 0 ? cargoSaid(r.result.cargoErrors, r.stderrTail) : null);
    return { warnings, errors, failure: failed };
}
async function cargoFix(config, where, consents) {
    const command = fixCommand(config, consents);
    const stderr = [];
    const r = await where.run(command.program, command.args, {
        cwd: where.root,
        env: cargoEnv(where),
        timeoutSeconds: where.timeoutSeconds,
        onStderrLine: line => stderr.push(stripVTControlCharacters(line))
    });
    const files = stderr.flatMap(l => /^\s*Fixed (.+?) \(\d+ fix(?:es)?\)$/.exec(l)?.[1] ?? []);
    const said = cargoWords(stderr);
    const failure = r.spawnError
        ? `could not start cargo: ${r.spawnError}`
        : r.timedOut
            ? `\`${command.args.join(' ')}\` did not finish within ${where.timeoutSeconds} s and was killed`
            : r.signal
                ? `cargo was killed by signal ${r.signal}`
                : r.exitCode !== 0
                    ? `\`cargo ${command.args.join(' ')}\` exited with code ${r.exitCode}`
                    : null;
    return { ok: failure === null, files, said, failure, command: [command.program, ...command.args] };
}
/** cargo's `error:` and `warning: failed to automatically apply fixes…` blocks, as it printed them. */
function cargoWords(lines) {
    const out = [];
    let block = null;
    for (const line of lines) {
        if (/^(error|warning)(\[\w+\])?: /.test(line)) {
            if (block)
                out.push(block.join('\n').trim());
            block = /^error|^warning: failed to automatically apply fixes/.test(line) ? [line] : null;
        }
        else if (block && !/^\s+(Checking|Compiling|Fixed|Finished|Blocking)\b/.test(line))
            block.push(line);
    }
    if (block)
        out.push(block.join('\n').trim());
    return out.filter(Boolean).slice(0, 10);
}
function cargoSaid(cargoErrors, tail) {
    return cargoErrors.join('\n').trim() || tail.slice(-5).join('\n').trim() || 'cargo check failed';
}

// A lint fix in a scratch copy of the workspace: measure the warnings, apply the machine-applicable
// ones with cargo fix, measure again and build the tests; verified, the changed files are kept (by blob
// id, their contents in this process) for the fix pull request. The user's tree is only read.
/** Longest any one cargo command of a lint fix may run. */
const TIMEOUT_SECONDS = 20 * 60;
async function runLintFixes(root, config, metadata, run, timeoutSeconds = TIMEOUT_SECONDS) {
    const started = process.hrtime.bigint();
    const seconds = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000;
    const section = (s) => ({
        status: 'failed',
        command: [],
        fixed: [],
        reason: '',
        details: [],
        files: [],
        seconds: seconds(),
        ...s
    });
    let scratch;
    try {
        const pathPackages = metadata.packages.filter(p => p.source === null).map(p => p.manifest_path);
        scratch = createScratch(root, externalDirs(root, pathPackages));
    }
    catch (e) {
        return {
            section: section({ reason: `could not make a scratch copy of the workspace: ${e.message}` }),
            files: []
        };
    }
    try {
        // Package ids name the directory: the scratch copy's members are read there.
        const members = await membersIn(scratch, config, run, timeoutSeconds);
        const where = { root: scratch.root, targetDir: scratch.targetDir, members, run, timeoutSeconds };
        const before = await measure$1(config, where);
        if (before.failure || before.errors.length > 0)
            return {
                section: section({
                    reason: `cargo check in the scratch copy failed before any fix: ${before.failure ?? `${count$1(before.errors.length, 'compile error')}`}`,
                    details: before.errors.slice(0, 10)
                }),
                files: []
            };
        if (!before.warnings.some(w => w.fixable))
            return { section: null, files: [] };
        // The scratch copy is no git checkout; it is the gate's own, so cargo's VCS guard does not apply.
        const fix = await cargoFix(config, where, ['--allow-no-vcs']);
        const command = fix.command.filter(a => a !== '--allow-no-vcs');
        if (!fix.ok)
            return { section: section({ command, reason: fix.failure, details: fix.said }), files: [] };
        const after = await measure$1(config, where);
        const verdict = judge$3(before, after);
        const taken = fix.said.filter(s => /^warning: failed to automatically apply fixes/.test(s));
        let problem = verdict.problem;
        let details = verdict.details;
        if (!problem && taken.length > 0) {
            problem = 'cargo fix took back fixes whose result did not compile';
            details = taken;
        }
        if (!problem && config.runTests) {
            const tests = await testBuild(config, where);
            if (tests)
                ({ problem, details } = tests);
        }
        const changed = changedFiles$1(root, scratch.root, [...fix.files, ...before.warnings.map(w => w.file)].sort());
        if (problem)
            return {
                section: section({ status: 'not-verified', command, fixed: verdict.fixed, reason: problem, details }),
                files: []
            };
        return {
            section: section({
                status: 'verified',
                command,
                fixed: verdict.fixed,
                files: changed.map(f => ({ path: f.path, before: remember(f.before), after: remember(f.after) }))
            }),
            files: changed
        };
    }
    catch (e) {
        return { section: section({ reason: `the lint fix failed: ${e.message}` }), files: [] };
    }
    finally {
        scratch.dispose();
    }
}
async function membersIn(scratch, config, run, timeoutSeconds) {
    const r = await runPhase('metadata', metadataCommand(config, null), {
        cwd: scratch.root,
        env: { CARGO_TARGET_DIR: scratch.targetDir, CARGO_TERM_COLOR: 'never' },
        collectStdout: true,
        run,
        timeoutSeconds
    });
    if (r.result.failure || r.result.exitCode !== 0)
        throw new Error(`cargo metadata failed: ${r.result.failure ?? r.result.cargoErrors.join('\n')}`);
    return new Map(workspaceMembers(parseMetadata(r.stdout)).map(p => [p.id, p.name]));
}
/** `cargo test --no-run` with the test-args: null when the tests build. */
async function testBuild(config, where) {
    const errors = [];
    const r = await runPhase('test-build', phaseCommand(config, 'test-build'), {
        cwd: where.root,
        env: cargoEnv(where),
        members: where.members,
        sink: {
            diagnostic: d => void (d.severity === 'error' && errors.push(d.rendered.trim() || d.message)),
            dependencyError: (pkg, message) => void errors.push(`${pkg}: ${message}`)
        },
        run: where.run,
        timeoutSeconds: where.timeoutSeconds
    });
    if (errors.length > 0)
        return {
            problem: `${count$1(errors.length, 'compile error')} after the fixes (cargo test --no-run)`,
            details: errors.slice(0, 10)
        };
    if (r.result.failure || r.result.exitCode !== 0)
        return {
            problem: `cargo test --no-run failed after the fixes: ${r.result.failure ?? (r.result.cargoErrors.join('\n') || `exit code ${r.result.exitCode}`)}`,
            details: r.result.cargoErrors.slice(0, 10)
        };
    return null;
}

const LINT_FIXES_CODES = {
    'lint-fix-available': "rustc's or clippy's machine-applicable fixes, applied by cargo fix in a scratch copy: verified (info) or not (warn)",
    'lint-fix-failed': 'cargo fix could not be run to the end in the scratch copy'
};

const lintFixes = {
    name: 'lint-fixes',
    stage: 'analyses',
    inputs: [],
    codes: LINT_FIXES_CODES,
    outputs: [],
    needs: ['ctx'],
    async run(ports, config) {
        const none = { section: {}, findings: [] };
        const body = ports.report;
        // Only for the fix PR, which only trusted runs open; the first shard speaks for the workspace.
        if (!config.fixPr || !ports.ctx.trusted || ports.ctx.pullRequest || !ports.metadata)
            return none;
        if (body.shard && body.shard.index !== 1)
            return none;
        // Nothing to fix, or cargo fix could not compile it: no scratch build.
        if (body.diagnostics.warnings === 0 || body.diagnostics.errors > 0)
            return none;
        const { section } = await runLintFixes(ports.cwd, config, ports.metadata, ports.run);
        if (!section) {
            ports.log('lint fixes: no warning carries a machine-applicable suggestion');
            return none;
        }
        return { section: { lintFixes: section }, findings: lintFixFindings(section) };
    },
    findings: r => (r.lintFixes ? lintFixFindings(r.lintFixes) : []),
    merge: shards => {
        const found = shards.find(s => s.lintFixes)?.lintFixes;
        return found ? { lintFixes: found } : {};
    },
    markdown: r => (r.lintFixes ? lintFixesMarkdown(r.lintFixes) : null),
    terminal: r => (r.lintFixes ? lintFixesText(r.lintFixes) : [])
};

// Who is running us, decided once: the event, the repository and whether the run is trusted to write
// (roadmap, baseline). push to the default branch, schedule and workflow_dispatch on the default branch
// are trusted; pull_request and merge_group never are, and a fork PR has a read-only token.
function readRunContext(env = process.env) {
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const read = readPayload(env.GITHUB_EVENT_PATH);
    const payload = read.payload;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const repository = payload.repository;
    const defaultBranch = typeof repository?.default_branch === 'string' ? repository.default_branch : null;
    const pr = (isObject$1(payload.pull_request) ? payload.pull_request : null);
    const payloadProblem = read.problem ??
        (pr && !(Number.isInteger(pr.number) && pr.number > 0)
            ? `GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): \`pull_request.number\` is not a number`
            : null);
    const pullRequest = pr && !payloadProblem
        ? {
            number: pr.number,
            // A PR whose head lives in another repository is a fork PR: its token is read-only.
            fork: !!pr.head?.repo?.fork ||
                (!!pr.head?.repo?.full_name && pr.head.repo.full_name !== env.GITHUB_REPOSITORY),
            headRef: pr.head?.ref ?? '',
            baseRef: pr.base?.ref ?? '',
            ...(typeof pr.base?.sha === 'string' && /^[0-9a-f]{7,64}$/.test(pr.base.sha)
                ? { baseSha: pr.base.sha }
                : {}),
            ...(typeof pr.head?.sha === 'string' && /^[0-9a-f]{7,64}$/.test(pr.head.sha)
                ? { headSha: pr.head.sha }
                : {})
        }
        : null;
    const ref = env.GITHUB_REF ?? null;
    const onDefault = !!defaultBranch && ref === `refs/heads/${defaultBranch}`;
    let trusted = false;
    let trustReason;
    if (payloadProblem) {
        trustReason = `${payloadProblem}; nothing is written to GitHub`;
    }
    else if (eventName === 'schedule') {
        trusted = true;
        trustReason = 'scheduled run';
    }
    else if (eventName === 'push' || eventName === 'workflow_dispatch') {
        trusted = onDefault;
        trustReason = onDefault
            ? `${eventName} on the default branch`
            : `${eventName} on ${ref ?? 'an unknown ref'}, not the default branch${defaultBranch ? ` (${defaultBranch})` : ''}`;
    }
    else if (eventName.startsWith('pull_request')) {
        trustReason = 'pull request runs never write the roadmap or the baseline';
    }
    else if (eventName === 'merge_group') {
        // The group is not on the default branch yet, and leaves the queue if any required check fails.
        trustReason =
            'merge queue runs never write the roadmap or the baseline: the push that lands the group does';
    }
    else if (eventName === '') {
        trustReason = 'not running in GitHub Actions';
    }
    else {
        trustReason = `event ${eventName} is not trusted`;
    }
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return {
        eventName,
        owner: owner || null,
        repo: repo || null,
        ref,
        sha: env.GITHUB_SHA ?? null,
        defaultBranch,
        pullRequest,
        trusted,
        trustReason,
        payloadProblem,
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        serverUrl,
        runUrl: env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
            ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
            : null
    };
}
function readPayload(file) {
    if (!file)
        return { payload: {}, problem: null };
    let parsed;
    try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch (e) {
        const why = e.code ?? (e instanceof SyntaxError ? 'not valid JSON' : 'unreadable');
        return {
            payload: {},
            problem: `GITHUB_EVENT_PATH (${file}) could not be read as JSON (${why})`
        };
    }
    if (!isObject$1(parsed))
        return { payload: {}, problem: `GITHUB_EVENT_PATH (${file}): the event payload is not a JSON object` };
    const { repository, pull_request: pr } = parsed;
    if (repository != null && !isObject$1(repository))
        return { payload: {}, problem: `GITHUB_EVENT_PATH (${file}): \`repository\` is not an object` };
    if (pr != null && !isObject$1(pr))
        return { payload: {}, problem: `GITHUB_EVENT_PATH (${file}): \`pull_request\` is not an object` };
    return { payload: parsed, problem: null };
}
function isObject$1(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A token GitHub would refuse or an HTTP header cannot carry; the message never shows the value. */
function tokenProblem(token) {
    // eslint-disable-next-line no-control-regex
    const bad = token ? /[\r\n]|[\x00-\x20\x7f]/.exec(token) : null;
    if (!bad)
        return null;
    return {
        input: 'github-token',
        message: `contains ${/[\r\n]/.test(bad[0]) ? 'a line break' : 'a space or control character'} (the value is not shown); store the secret without it.`
    };
}

// The core of the configuration: what every run needs, whichever capabilities it has (where the
// workspace is, which toolchain, where the report goes, GitHub, sharding, where the gate keeps its
// documents). Each capability declares and parses its own slice in its folder; the pipeline assembles
// the whole (GateConfig, and the one inputs table) from them. Every error names the input and how to
// fix it; nothing downstream re-validates.
const CORE_INPUTS = [
    {
        name: 'working-directory',
        default: '.',
        description: 'Root of the Rust workspace (the directory with the workspace Cargo.toml).'
    },
    {
        name: 'toolchain',
        default: '',
        description: 'Toolchain to build with (runs `cargo +<toolchain>`); empty uses the active one.'
    },
    {
        name: 'fail-on-unstable',
        default: 'true',
        description: 'Fail the step when the build is unstable (what makes the gate a required status check).'
    },
    {
        name: 'report-path',
        default: '',
        description: 'Where to write the JSON report (relative to working-directory). Empty: outside the workspace, so cargo never rebuilds anything for it: `$RUNNER_TEMP/build-gate/build-gate-report.json` in Actions, `build-gate/build-gate-report.json` in the target directory on the command line; the `report-path` output says where.'
    },
    {
        name: 'baseline-store',
        default: 'branch',
        cli: 'file',
        description: 'Where the baseline lives: `branch` (a JSON file on a dedicated branch, via the contents API) or `file` (a local file).'
    },
    {
        name: 'baseline-branch',
        default: 'build-gate-baseline',
        description: "Branch that holds the baseline for `baseline-store: branch`, and the roadmap's record of what it announced."
    },
    { name: 'dry-run', default: 'false', description: 'Plan and print every GitHub write, make none.' },
    {
        name: 'github-token',
        default: '${{ github.token }}',
        cli: '',
        description: 'Token for the GitHub API (roadmap sync, PR comment, baseline branch).'
    },
    {
        name: 'mode',
        default: 'gate',
        description: '`gate` runs cargo; `merge` combines shard reports into one verdict.'
    },
    {
        name: 'shard',
        default: '',
        description: "This job's share of the workspace members, e.g. `2/4`; empty gates all members."
    },
    { name: 'shard-reports', default: '', description: 'With `mode: merge`: glob of the shard JSON reports.' }
];
function parseCoreConfig(p, surface, cwd) {
    const workingDirectory = path.resolve(cwd, p.raw('working-directory'));
    const token = p.optional('github-token');
    const config = {
        surface,
        workingDirectory,
        toolchain: p.optional('toolchain'),
        failOnUnstable: p.bool('fail-on-unstable'),
        reportPath: p.optional('report-path') && path.resolve(workingDirectory, p.raw('report-path')),
        token: token?.startsWith('${{') ? null : token,
        dryRun: p.bool('dry-run'),
        baselineStore: p.oneOf('baseline-store', ['branch', 'file']),
        baselineBranch: p.raw('baseline-branch'),
        mode: p.oneOf('mode', ['gate', 'merge']),
        shard: parseShard(p.raw('shard')),
        shardReports: p.optional('shard-reports')
    };
    const problem = tokenProblem(config.token);
    if (problem)
        throw new ConfigError(problem.input, problem.message);
    assertBranchInput('baseline-branch', config.baselineBranch);
    if (config.mode === 'merge' && !config.shardReports)
        throw new ConfigError('shard-reports', 'mode is merge, so give the glob of the shard reports to merge.');
    return config;
}
function parseShard(v) {
    if (v === '')
        return null;
    const m = /^(\d+)\s*\/\s*(\d+)$/.exec(v);
    const index = m ? Number(m[1]) : NaN;
    const total = m ? Number(m[2]) : NaN;
    if (!m || total < 1 || index < 1 || index > total)
        throw new ConfigError('shard', `'${v}' must look like INDEX/TOTAL with 1 ≤ INDEX ≤ TOTAL, e.g. 2/4.`);
    return { index, total };
}

// The tracker's rows of the inputs table (action.yml and the CLI flags are checked against it).
const TRACKER_INPUTS = [
    {
        name: 'tracker',
        default: 'false',
        description: "Keep a run history next to the baseline, tick the gate workstream's checklist on its tracking issue and escalate when the build stays unstable (trusted runs only)."
    },
    {
        name: 'history-path',
        default: 'build-gate/history.json',
        description: "Path of the run history in the baseline branch; for `baseline-store: file`, relative to working-directory when given, else beside the baseline in the user's state directory."
    },
    {
        name: 'escalate-after',
        default: '3d',
        description: 'How long the build may stay unstable on trusted runs before the tracker escalates: `3d`, `12h`, `90m`, `1s`, or `off`.'
    },
    {
        name: 'escalation-label',
        default: 'status:escalated',
        description: "Label put on the gate workstream's tracking issue while the instability is escalated."
    },
    {
        name: 'escalate-to',
        default: '',
        description: 'Users or teams the escalation comment mentions, e.g. `@alice, @org/build-team`.'
    }
];

// Durations as people write them in a workflow (`3d`, `12h`, `90m`, `1d12h`) and as a summary says them.
const UNITS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
/** Milliseconds, null for `off`, or undefined when the text is not a duration. */
function parseDuration(text) {
    const t = text.trim().toLowerCase();
    if (t === 'off')
        return null;
    if (!/^(\d+[wdhms])+$/.test(t))
        return undefined;
    let ms = 0;
    for (const [, n, unit] of t.matchAll(/(\d+)([wdhms])/g))
        ms += Number(n) * UNITS[unit];
    return ms > 0 ? ms : undefined;
}
/** "2 days", "5 hours", "1 minute", "30 seconds": the largest whole unit, rounded down. */
function formatDuration(ms) {
    const names = [
        [UNITS.d, 'day'],
        [UNITS.h, 'hour'],
        [UNITS.m, 'minute'],
        [UNITS.s, 'second']
    ];
    for (const [size, name] of names) {
        const n = Math.floor(ms / size);
        if (n >= 1)
            return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
    return 'less than a second';
}

// The tracker's inputs (action inputs and CLI flags of the same names) → its part of the config.
const HANDLE = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?)$/;
function parseTrackerConfig(p) {
    const { raw } = p;
    const enabled = p.bool('tracker');
    const after = parseDuration(raw('escalate-after'));
    if (after === undefined)
        throw new ConfigError('escalate-after', `'${raw('escalate-after')}' is not a duration; use a number with a unit (s, m, h, d, w) such as 3d, 12h, 90m or 1s, or off.`);
    const label = raw('escalation-label');
    if (label.length > 50 || label.includes(','))
        throw new ConfigError('escalation-label', `'${label}' cannot be a GitHub label (at most 50 characters, no comma).`);
    const escalateTo = nameList(raw('escalate-to').replace(/\s+/g, ',')).map(h => {
        const m = HANDLE.exec(h);
        if (!m)
            throw new ConfigError('escalate-to', `'${h}' is not a GitHub user or team; write @user or @org/team, separated by commas.`);
        return `@${m[1]}`;
    });
    const historyPath = raw('history-path');
    // Two documents in one file would overwrite each other.
    if (historyPath === raw('baseline-path'))
        throw new ConfigError('history-path', `'${historyPath}' is the baseline-path too; give the run history its own file, e.g. build-gate/history.json.`);
    return {
        enabled,
        historyPath,
        historyPathGiven: p.given('history-path'),
        escalateAfterMs: after,
        escalationLabel: label,
        escalateTo
    };
}

// Unicode sparklines: a history as one line that renders the same in the job summary, the PR comment
// and the terminal. Pure.
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** One glyph per value on a common scale from `lo` to `hi`; null (not measured that run) is a gap. */
function sparkline(values, lo, hi) {
    return values.map(v => (v === null ? ' ' : BARS[level(v, lo, hi)])).join('');
}
function level(v, lo, hi) {
    if (hi <= lo)
        return BARS.length >> 1;
    const i = Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1));
    return Math.min(BARS.length - 1, Math.max(0, i));
}

// The warnings' burndown: workspace warnings per crate across the recorded runs (this run last), for
// the summary, the living checklist and the escalation: "warnings 14 → 9 since 2 Dec ▇▆▅▃▂". Pure.
/** Crates drawn, those with the most warnings now (then at the start) first. */
const BURNDOWN_CRATES = 8;
/** null until a run kept its warnings (a build that completed, recorded by this release). */
function burndown(runs) {
    const drawn = runs.filter(r => r.warnings).slice(-30);
    if (!drawn.length)
        return null;
    const perRun = drawn.map(r => crateTotals(r.warnings));
    const totals = perRun.map(c => Object.values(c).reduce((n, x) => n + x, 0));
    const names = [...new Set(perRun.flatMap(c => Object.keys(c)))];
    const crates = names
        .map(name => {
        const points = perRun.map(c => c[name] ?? 0);
        return { name, since: points[0], now: points.at(-1), points };
    })
        .filter(c => c.points.some(p => p > 0))
        .sort((a, b) => b.now - a.now || b.since - a.since || (a.name < b.name ? -1 : 1))
        .slice(0, BURNDOWN_CRATES);
    return {
        since: { at: drawn[0].at, sha: drawn[0].sha, warnings: totals[0] },
        now: totals.at(-1),
        totals,
        crates
    };
}
/** "warnings 14 → 9 since 2 Dec". */
function burndownLine(b) {
    const day = new Date(b.since.at).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC'
    });
    return b.totals.length === 1
        ? `warnings ${b.now} (first recorded run)`
        : `warnings ${b.since.warnings} → ${b.now} since ${day}`;
}
/** Monospace lines: the total and each crate, one glyph per run, on the total's scale. */
function burndownLines(b) {
    const hi = Math.max(...b.totals);
    const width = Math.max(5, ...b.crates.map(c => c.name.length));
    const row = (name, points, since, now) => `${name.padEnd(width)} ${sparkline(points, 0, hi)}  ${since} → ${now}`;
    return [
        row('total', b.totals, b.since.warnings, b.now),
        ...b.crates.map(c => row(c.name, c.points, c.since, c.now)),
        `(${b.totals.length} run${b.totals.length === 1 ? '' : 's'}, oldest first)`
    ];
}

/** Runs the count looks back over. */
function flakyMemory(trusted, current) {
    const window = trusted.slice(-20);
    return [...current].sort().map(test => ({
        test,
        flaky: window.filter(r => r.flaky?.includes(test)).length,
        of: window.length
    }));
}
/** "flaky in 3 of the last 20 trusted runs" (or what the history knows yet). */
function flakyMemoryLine(m) {
    if (m.of === 0)
        return `${m.test}: flaky in this run; no trusted run recorded yet`;
    const last = m.of === 1 ? 'the last trusted run' : `the last ${m.of} trusted runs`;
    return `${m.test}: flaky in ${m.flaky} of ${last}`;
}

// The tracker's renderings: one status line (job summary, PR comment, terminal) and its outputs.
function trackerMarkdown(s) {
    if (!s)
        return null;
    const issue = s.issue === null ? '' : ` · checklist in #${s.issue}`;
    const flaky = (s.flaky ?? []).map(m => `- ${escape(flakyMemoryLine(m))}`);
    const memory = flaky.length > 0 ? `\n\n**Flaky tests in the run history:**\n\n${flaky.join('\n')}` : '';
    const status = `**Stabilization:** ${escape(s.line)}${issue}${memory}`;
    const b = s.status.warnings;
    return b
        ? [status, '', `**Burndown:** ${burndownLine(b)}`, '', ...fenced(burndownLines(b).join('\n'))].join('\n')
        : status;
}
function trackerText(s) {
    if (!s)
        return [];
    const b = s.status.warnings;
    const burndown = b ? ['', `Burndown: ${burndownLine(b)}`, ...burndownLines(b).map(l => `  ${l}`)] : [];
    return [`Stabilization: ${s.line}`, ...(s.flaky ?? []).map(m => `  ${flakyMemoryLine(m)}`), ...burndown];
}
function trackerOutputs(s) {
    if (!s)
        return {};
    return {
        'stabilization-status': s.line,
        'unstable-since': s.status.unstableSince?.at ?? '',
        'conflicts-resolved': String(s.status.conflicts.resolved.length)
    };
}
function escape(t) {
    return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The document could not be read because GitHub could not be reached or kept failing (no answer,
 * 5xx after retries, a page that is not the API's): for the baseline, build time is then not
 * compared, which is a warning, not a red build. A document GitHub did return but that is corrupt
 * stays a codec error.
 */
class DocumentUnreachable extends Error {
    location;
    cause;
    constructor(what, location, cause) {
        super(`${what} (${location}) could not be read: ${cause.message}`);
        this.location = location;
        this.cause = cause;
        this.name = 'DocumentUnreachable';
    }
}
function unreachable(e) {
    return e instanceof GitHubRequestError && (e.status === 0 || e.status >= 500);
}
class BranchStore {
    client;
    opts;
    location;
    writes = 0;
    codec;
    constructor(client, opts, codec) {
        this.client = client;
        this.opts = opts;
        this.location = `${opts.path} on branch ${opts.branch} of ${opts.owner}/${opts.repo}`;
        this.codec = codec;
    }
    async read() {
        return (await this.fetch()).document;
    }
    async update(change) {
        const attempts = this.opts.attempts ?? 5;
        await this.ensureBranch();
        for (let attempt = 1;; attempt++) {
            const { document, sha } = await this.fetch();
            const next = change(document);
            if (document !== null && next === document)
                return next;
            try {
                await this.client.rest.repos.createOrUpdateFileContents({
                    owner: this.opts.owner,
                    repo: this.opts.repo,
                    path: this.opts.path,
                    branch: this.opts.branch,
                    message: this.opts.message ?? this.codec.commitMessage,
                    content: Buffer.from(this.codec.serialize(next)).toString('base64'),
                    ...(sha ? { sha } : {})
                });
                this.writes++;
                return next;
            }
            catch (e) {
                const status = e.status;
                if ((status === 409 || status === 422) && attempt < attempts)
                    continue;
                const why = status === 409 || status === 422 ? `still conflicting after ${attempts} attempts` : describe$1(e);
                throw this.codec.error(this.location, `could not be written: ${why}${hint(status, this.codec)}`);
            }
        }
    }
    async fetch() {
        let data;
        try {
            ;
            ({ data } = await this.client.rest.repos.getContent({
                owner: this.opts.owner,
                repo: this.opts.repo,
                path: this.opts.path,
                ref: this.opts.branch
            }));
        }
        catch (e) {
            // 404 covers both a missing file and a missing branch: either way, no baseline yet.
            if (e.status === 404)
                return { document: null, sha: null };
            if (unreachable(e))
                throw new DocumentUnreachable(this.codec.what, this.location, e);
            throw this.codec.error(this.location, `could not be read: ${describe$1(e)}${hint(e.status)}`);
        }
        const file = data;
        if (Array.isArray(data) || file.type !== 'file')
            throw this.codec.error(this.location, `is a directory, not a file; ${this.codec.pathHint}.`);
        if (file.encoding !== 'base64' || typeof file.content !== 'string')
            throw this.codec.error(this.location, `came back with encoding '${file.encoding}' (over 1 MB?); ${this.codec.tooLargeHint}.`);
        const text = Buffer.from(file.content, 'base64').toString('utf8');
        return { document: this.codec.parse(text, this.location), sha: file.sha ?? null };
    }
    /** Creates the baseline branch from the default branch's head when it does not exist yet. */
    async ensureBranch() {
        const { owner, repo, branch } = this.opts;
        try {
            await this.client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
            return;
        }
        catch (e) {
            if (e.status !== 404)
                throw this.codec.error(this.location, `branch lookup failed: ${describe$1(e)}${hint(e.status)}`);
        }
        try {
            const { data: r } = await this.client.rest.repos.get({ owner, repo });
            const { data: head } = await this.client.rest.git.getRef({
                owner,
                repo,
                ref: `heads/${r.default_branch}`
            });
            await this.client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: head.object.sha });
            this.writes++;
        }
        catch (e) {
            const status = e.status;
            // Another run created it first: fine.
            if (status === 422 && /already exists/i.test(describe$1(e)))
                return;
            throw this.codec.error(this.location, `could not create the branch: ${describe$1(e)}${hint(status, this.codec)}`);
        }
    }
}
function describe$1(e) {
    const err = e;
    return err.status ? `HTTP ${err.status}: ${err.message}` : String(err.message ?? e);
}
function hint(status, codec) {
    if (status === 401)
        return '; the github-token is missing or invalid.';
    if (status === 403)
        return `; the token cannot write contents: ${codec?.forbiddenHint ?? 'give the workflow `permissions: contents: write`, or use baseline-store: file'}.`;
    return '.';
}

// A JSON document (the baseline, the run history) as a local file (relative to the working
// directory), written atomically: a reader sees the old file or the new one, never half of one.
// While the file does not exist, a legacy one (where an earlier version kept it) is read instead and
// never written: the next write starts the file from it.
class FileStore {
    legacy;
    file;
    location;
    codec;
    constructor(documentPath, workingDirectory, codec, legacy = null) {
        this.legacy = legacy;
        this.file = path.resolve(workingDirectory, documentPath);
        this.location = `file ${this.file}`;
        this.codec = codec;
    }
    async read() {
        const own = this.readFile(this.file, this.location);
        if (own !== undefined || !this.legacy)
            return own ?? null;
        return this.readFile(this.legacy, `file ${this.legacy}`) ?? null;
    }
    /** undefined when the file does not exist. */
    readFile(file, location) {
        let text;
        try {
            text = readFileSync(file, 'utf8');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return undefined;
            throw this.codec.error(location, `cannot be read: ${e.message}`);
        }
        return this.codec.parse(text, location);
    }
    async update(change) {
        const current = await this.read();
        const next = change(current);
        if (current !== null && next === current)
            return next;
        const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
        try {
            mkdirSync(path.dirname(this.file), { recursive: true });
            writeFileSync(tmp, this.codec.serialize(next));
            renameSync(tmp, this.file);
        }
        catch (e) {
            rmSync(tmp, { force: true });
            throw this.codec.error(this.location, `cannot be written: ${e.message}`);
        }
        return next;
    }
}

// Where the local documents (the build-time baseline, the run history) live when their path is not
// given: the user's state directory (XDG_STATE_HOME, else ~/.local/state), one folder per workspace.
// Not the workspace: cargo fingerprints every file of a package whose build script has no
// rerun-if-changed, so a document written there rebuilds it. Not the target directory: `cargo clean`
// would take the history with it. A baseline is this machine's measurements, not the repository's.
function stateDirectory(workingDirectory, env = process.env) {
    const xdg = env.XDG_STATE_HOME;
    const base = xdg && path.isAbsolute(xdg)
        ? xdg
        : process.platform === 'win32' && env.LOCALAPPDATA
            ? env.LOCALAPPDATA
            : path.join(homedir(), '.local', 'state');
    let root = path.resolve(workingDirectory);
    try {
        root = realpathSync(root);
    }
    catch {
        // A workspace that does not exist yet has no other name.
    }
    const id = createHash('sha256').update(root).digest('hex').slice(0, 12);
    return path.join(base, 'build-gate', `${path.basename(root) || 'root'}-${id}`);
}
/**
 * A local document's file: `documentPath` relative to the working directory when the input was given,
 * else `<state directory>/<its file name>`, carrying over what an earlier version kept at the default.
 */
function localDocument(workingDirectory, documentPath, given, env = process.env) {
    if (given)
        return { file: path.resolve(workingDirectory, documentPath), legacy: null };
    const legacy = path.resolve(workingDirectory, documentPath);
    return {
        file: path.join(stateDirectory(workingDirectory, env), path.basename(documentPath)),
        legacy: existsSync(legacy) ? legacy : null
    };
}

/**
 * The document at `path` in the gate's store; on the branch it needs a client and the repository.
 * `given`: the path's input was set (a local file then stays where it says).
 */
function openDocument(config, ctx, client, path, codec, given = true) {
    if (config.baselineStore === 'file') {
        const doc = localDocument(config.workingDirectory, path, given);
        return { store: new FileStore(doc.file, config.workingDirectory, codec, doc.legacy) };
    }
    if (!client || !ctx.owner || !ctx.repo)
        return { store: null, why: 'needs github-token and GITHUB_REPOSITORY' };
    const branch = { owner: ctx.owner, repo: ctx.repo, branch: config.baselineBranch, path };
    return { store: new BranchStore(client, branch, codec) };
}
function documentOpener(config, ctx, github) {
    return async (path, codec, given) => openDocument(config, ctx, config.baselineStore === 'branch' && ctx.owner && ctx.repo ? await github() : null, path, codec, given);
}

// The run history: one record per trusted run (time, commit, verdict, findings as code + crate), kept
// next to the baseline in the same store. Versioned and validated like the baseline: a file it cannot
// read is refused, never overwritten.
const HISTORY_FORMAT = 'build-gate-history';
const HISTORY_VERSION = 1;
/** Runs kept: enough for months of nightlies. */
const HISTORY_LIMIT = 200;
/** Folded findings kept per run (blocking ones and conflicts first). */
const FINDINGS_PER_RUN = 100;
/** The contents API serves files up to 1 MB inline: older runs go before the file reaches this. */
const HISTORY_MAX_BYTES = 900_000;
class HistoryError extends Error {
    location;
    constructor(location, message) {
        super(`Run history ${location}: ${message}`);
        this.location = location;
        this.name = 'HistoryError';
    }
}
const SEVERITIES = ['block', 'warn', 'info', 'allowed'];
function parseHistory(text, location) {
    const fix = 'fix or delete it (the gate never overwrites a history it cannot read)';
    const fail = (why) => {
        throw new HistoryError(location, `${why}; ${fix}.`);
    };
    if (text.trim() === '')
        fail('the file is empty');
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (e) {
        fail(`not valid JSON (${e.message})`);
    }
    const h = v;
    if (!h || typeof h !== 'object' || h.format !== HISTORY_FORMAT)
        fail(`not a build-gate run history (no "format": "${HISTORY_FORMAT}"), or choose another history-path`);
    if (h.version !== HISTORY_VERSION)
        fail(`schema version ${String(h.version)} is not supported (this build-gate reads version ${HISTORY_VERSION}), or use the build-gate release that wrote it`);
    if (!Array.isArray(h.runs))
        fail('"runs" must be a list');
    h.runs.forEach((r, i) => {
        const where = `runs[${i}]`;
        if (!r || typeof r !== 'object')
            fail(`${where} must be an object`);
        if (typeof r.at !== 'string' || Number.isNaN(Date.parse(r.at)))
            fail(`${where}.at must be an ISO time`);
        if (typeof r.stable !== 'boolean')
            fail(`${where}.stable must be true or false`);
        if (r.sha !== null && typeof r.sha !== 'string')
            fail(`${where}.sha must be a string or null`);
        if (r.runUrl !== null && typeof r.runUrl !== 'string')
            fail(`${where}.runUrl must be a string or null`);
        if (!Array.isArray(r.findings))
            fail(`${where}.findings must be a list`);
        if (r.flaky !== undefined && (!Array.isArray(r.flaky) || !r.flaky.every(t => typeof t === 'string')))
            fail(`${where}.flaky must be a list of test names`);
        if (r.warnings !== undefined && !isWarningSet(r.warnings))
            fail(`${where}.warnings must map crates to lints to identities (a string) or a count`);
        r.findings.forEach((f, j) => {
            if (!f ||
                typeof f.code !== 'string' ||
                (f.crate !== null && typeof f.crate !== 'string') ||
                !SEVERITIES.includes(f.severity) ||
                !Number.isInteger(f.count) ||
                f.count < 1)
                fail(`${where}.findings[${j}] must be {"code", "crate", "severity", "count"}`);
        });
    });
    return h;
}
function isWarningSet(v) {
    if (!v || typeof v !== 'object' || Array.isArray(v))
        return false;
    return Object.values(v).every(lints => !!lints &&
        typeof lints === 'object' &&
        !Array.isArray(lints) &&
        Object.values(lints).every((e) => (typeof e === 'string' && Number.isInteger(countOf(e))) ||
            (Number.isInteger(e) && e >= 0)));
}
/** One run per line: compact, and a commit's diff shows the runs it added. */
function serializeHistory(h) {
    const runs = h.runs.map(r => JSON.stringify(r)).join(',\n');
    return `{"format":${JSON.stringify(h.format)},"version":${h.version},"runs":[\n${runs}\n]}\n`;
}
const historyCodec = {
    what: 'the run history',
    parse: parseHistory,
    serialize: serializeHistory,
    error: (location, message) => new HistoryError(location, message),
    commitMessage: 'Record a build-gate run',
    pathHint: 'set history-path to a file such as build-gate/history.json',
    tooLargeHint: 'delete the file (it keeps the last runs only)'
};
/**
 * `history` with `run` appended, keeping the last `limit` runs. A rerun of the same commit with the same
 * verdict, blocking findings and conflicts adds nothing the history does not already say, so it returns
 * `history` itself (which the store does not write). Warnings that vary between identical runs (a build
 * time not comparable yet) do not make a run new.
 */
function appendRun(history, run, limit = HISTORY_LIMIT) {
    const last = history?.runs.at(-1);
    if (history && last && outcome(last) === outcome(run))
        return history;
    const next = {
        format: HISTORY_FORMAT,
        version: HISTORY_VERSION,
        runs: countsOnly([...(history?.runs ?? []), capFindings(run)].slice(-limit))
    };
    while (next.runs.length > 1 && Buffer.byteLength(serializeHistory(next)) > HISTORY_MAX_BYTES)
        next.runs.shift();
    return next;
}
/**
 * A ratchet's base is a recent run: older runs keep their warnings' counts per crate and lint (the
 * burndown), not their identities, so a big workspace's history still spans months.
 */
const RUNS_WITH_WARNING_IDENTITIES = 30;
function countsOnly(runs) {
    const from = runs.length - RUNS_WITH_WARNING_IDENTITIES;
    return runs.map((r, i) => (i < from && r.warnings ? { ...r, warnings: boundedSet(r.warnings, 0) } : r));
}
function capFindings(run) {
    if (run.findings.length <= FINDINGS_PER_RUN)
        return run;
    const first = (f) => (f.severity === 'block' || isConflict(f.code) ? 0 : 1);
    const kept = [...run.findings].sort((a, b) => first(a) - first(b)).slice(0, FINDINGS_PER_RUN);
    return { ...run, findings: kept };
}
function outcome(r) {
    const kept = r.findings
        .filter(f => f.severity === 'block' || isConflict(f.code))
        .map(f => `${f.code}\0${f.crate ?? ''}\0${f.severity}\0${f.count}`)
        .sort();
    // A rerun that met a flaky test is worth its record: that is how often the test flakes.
    return JSON.stringify([r.sha, r.stable, kept, [...(r.flaky ?? [])].sort()]);
}

function historyStore(config, tracker, ctx, client) {
    const opened = openDocument(config, ctx, client, tracker.historyPath, historyCodec, tracker.historyPathGiven ?? true);
    return opened.store
        ? { store: opened.store }
        : { store: null, unreachable: `the run history on the baseline branch ${opened.why}` };
}

function foldVerdict(findings) {
    const blocking = reasons(findings.filter(f => f.severity === 'block'));
    return {
        stable: blocking.length === 0,
        reasons: blocking,
        warnings: reasons(findings.filter(f => f.severity === 'warn'))
    };
}
/** One reason per finding, except that findings of one code sharing a summary are one reason. */
function reasons(findings) {
    const out = [];
    const summarised = new Set();
    for (const f of findings) {
        if (f.summary !== undefined) {
            const key = `${f.code}\0${f.summary}`;
            if (summarised.has(key))
                continue;
            summarised.add(key);
        }
        out.push({ code: f.code, message: f.summary ?? f.message });
    }
    return out;
}
function foldFindings(findings) {
    const byKey = new Map();
    for (const f of findings) {
        const crate = f.crate ?? null;
        const key = `${f.code}\0${crate ?? ''}\0${f.severity}`;
        const seen = byKey.get(key);
        if (seen)
            seen.count++;
        else
            byKey.set(key, { code: f.code, crate, severity: f.severity, count: 1 });
    }
    return [...byKey.values()];
}

// One run as the history keeps it: when, which commit, the verdict, and its findings folded to
// code + crate (with a count), so a run with thousands of warnings stays one small record.
/**
 * Warning identities kept per run (8 bytes each in the file): past this the largest lints keep their
 * count only, so a run of a huge workspace still leaves room for the history's other runs.
 */
const WARNING_IDENTITIES_PER_RUN = 20_000;
function runRecord(report, ctx, now) {
    const flaky = (report.tests?.flaky ?? []).map(flakyName);
    return {
        at: now.toISOString(),
        sha: ctx.sha,
        runUrl: ctx.runUrl,
        stable: report.verdict.stable,
        findings: foldFindings(report.findings),
        ...(flaky.length > 0 ? { flaky } : {}),
        ...(wholeBuild(report)
            ? { warnings: boundedSet(report.diagnostics.warningSet, WARNING_IDENTITIES_PER_RUN) }
            : {})
    };
}
/** How the history names a flaky test: its crate and its name. */
function flakyName(t) {
    return `${t.crate} ${t.name}`;
}
/** Only a check that completed without compile errors saw every warning: a base must not undercount. */
function wholeBuild(report) {
    const check = report.phases && checkingPhase(report.phases);
    return (!!report.diagnostics?.warningSet &&
        report.diagnostics.errors === 0 &&
        !!check &&
        check.ran &&
        !check.failure &&
        !check.untrusted);
}

// From the run history (the current run last) and the clock: since when the build is unstable, which
// conflicts the stretch found and which are gone, and when escalation is due. Pure.
function deriveStatus(history, now, escalateAfterMs) {
    if (!history.length)
        throw new Error('deriveStatus needs the current run in the history');
    const runs = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const current = runs.at(-1);
    // The stretch: consecutive runs with the current verdict, back to the last run with the other one.
    let start = runs.length - 1;
    while (start > 0 && runs[start - 1].stable === current.stable)
        start--;
    const point = (r) => ({ at: r.at, sha: r.sha });
    const since = runs[start];
    const forMs = Math.max(0, now.getTime() - Date.parse(since.at));
    // The unstable runs the conflicts are counted over: this stretch, or the one this stable run ended.
    let unstable = [];
    let endedStretch = null;
    if (!current.stable)
        unstable = runs.slice(start);
    else if (start > 0) {
        let first = start - 1;
        while (first > 0 && !runs[first - 1].stable)
            first--;
        unstable = runs.slice(first, start);
        // A stable run that follows an unstable one ends that stretch; later stable runs report it no more.
        if (runs.length - 1 === start)
            endedStretch = {
                since: point(runs[first]),
                forMs: Math.max(0, Date.parse(current.at) - Date.parse(runs[first].at))
            };
    }
    const open = conflictIds(current.findings);
    const found = [...new Set([...unstable.flatMap(r => conflictIds(r.findings)), ...open])].sort();
    const resolved = found.filter(id => !open.includes(id));
    const dueAt = !current.stable && escalateAfterMs !== null
        ? new Date(Date.parse(since.at) + escalateAfterMs).toISOString()
        : null;
    return {
        stable: current.stable,
        current: { ...point(current), runUrl: current.runUrl },
        unstableSince: current.stable ? null : point(since),
        stableSince: current.stable ? point(since) : null,
        forMs,
        stretchStartsHistory: start === 0,
        endedStretch,
        conflicts: { found, resolved, open },
        escalation: {
            afterMs: escalateAfterMs,
            dueAt,
            due: dueAt !== null && now.getTime() >= Date.parse(dueAt)
        },
        ...withBurndown(runs)
    };
}
function withBurndown(runs) {
    const b = burndown(runs);
    return b ? { warnings: b } : {};
}

// The stabilization status in one line, for the job summary, the PR comment and the terminal:
// "unstable for 2 days since 1a2b3c4, 1 of 3 conflicts resolved; escalates in 1 day". Pure.
function statusLine(s, now, escalated = null) {
    const { found, resolved } = s.conflicts;
    const conflicts = found.length
        ? `${resolved.length} of ${found.length} conflict${found.length === 1 ? '' : 's'} resolved`
        : '';
    if (s.stable) {
        if (s.endedStretch)
            return join$1(`stable again since ${where$1(s.current)}, after ${formatDuration(s.endedStretch.forMs)} unstable`, conflicts);
        return isCurrent(s.stableSince, s)
            ? `stable since this run (${where$1(s.current)})`
            : `stable for ${formatDuration(s.forMs)} since ${where$1(s.stableSince)}`;
    }
    const since = s.unstableSince;
    const head = isCurrent(since, s)
        ? `unstable since this run (${where$1(since)})`
        : `unstable for ${formatDuration(s.forMs)} since ${where$1(since)}`;
    let tail = '';
    const after = s.escalation.afterMs;
    if (escalated)
        tail = `escalated (unstable longer than ${formatDuration(after ?? 0)})`;
    else if (s.escalation.dueAt && !s.escalation.due)
        tail = `escalates in ${formatDuration(Date.parse(s.escalation.dueAt) - now.getTime())}`;
    else if (s.escalation.due)
        tail = `past escalate-after (${formatDuration(after ?? 0)})`;
    const body = conflicts ? `${head}, ${conflicts}` : head;
    return tail ? `${body}; ${tail}` : body;
}
/** A commit as `1a2b3c4`, or the run's time when no commit is known. */
function where$1(p) {
    return p.sha ? p.sha.slice(0, 7) : `${p.at.slice(0, 16).replace('T', ' ')} UTC`;
}
/** "2026-11-25 08:00 UTC (commit 1a2b3c4)". */
function when(p) {
    const time = `${p.at.slice(0, 16).replace('T', ' ')} UTC`;
    return p.sha ? `${time} (commit ${p.sha.slice(0, 7)})` : time;
}
const isCurrent = (p, s) => p.at === s.current.at && p.sha === s.current.sha;
const join$1 = (a, b) => (b ? `${a}; ${b}` : a);

/** Throws the store's HistoryError when the history exists but cannot be read: it is never overwritten. */
async function recordRun(i) {
    const record = runRecord(i.report, i.ctx, i.now);
    const trusted = i.ctx.trusted && !i.ctx.pullRequest;
    const mode = !i.store ? 'report-only' : i.dryRun ? 'dry-run' : trusted ? 'apply' : 'preview';
    let past = null;
    let kept = 0;
    let recorded = false;
    if (i.store && mode === 'apply')
        // Called again with the re-read history when another run wrote in between: the last call counts.
        await i.store.update(current => {
            past = current;
            const next = appendRun(current, record);
            recorded = next !== current;
            kept = next.runs.length;
            return next;
        });
    else if (i.store)
        past = await i.store.read();
    const before = past?.runs ?? [];
    if (!recorded)
        kept = before.length;
    const status = deriveStatus([...before, record], i.now, i.tracker.escalateAfterMs);
    const why = !i.store
        ? `report only: ${i.unreachable ?? 'no history store'}`
        : mode === 'apply'
            ? recorded
                ? `run recorded in ${i.store.location}`
                : 'same commit and outcome as the last recorded run: history unchanged'
            : mode === 'dry-run'
                ? 'dry run: history read, nothing written'
                : `${i.ctx.pullRequest ? `pull request #${i.ctx.pullRequest.number}` : i.ctx.trustReason}: history read, nothing written`;
    return {
        mode,
        // Without the history this run is all there is: say so rather than "since this run".
        line: i.store
            ? statusLine(status, i.now)
            : `${status.stable ? 'stable' : 'unstable'}; no run history (${i.unreachable ?? 'no history store'})`,
        status,
        history: { location: i.store?.location ?? null, recorded, runs: kept },
        issue: null,
        checklist: 'not-updated',
        escalation: 'not-checked',
        plannedWrites: [],
        appliedWrites: 0,
        note: why,
        flaky: flakyMemory(recorded ? [...before, record] : before, record.flaky ?? [])
    };
}

async function trackerRecord(i) {
    const { store, unreachable } = historyStore(i.config, i.config.tracker, i.ctx, i.client);
    const section = await recordRun({
        report: i.report,
        tracker: i.config.tracker,
        ctx: i.ctx,
        store,
        unreachable,
        dryRun: i.config.dryRun,
        now: i.now ?? new Date()
    });
    i.log(`stabilization: ${section.line} (${section.note})`);
    return section;
}
function observationFields(section) {
    if (!section)
        return undefined;
    const s = section.status;
    return {
        conflictsResolved: s.conflicts.resolved.length,
        unstableSince: s.unstableSince?.at ?? null,
        unstableSinceSha: s.unstableSince?.sha ?? null
    };
}

const out$2 = (name, description) => ({
    name,
    description,
    value: r => (r.tracker ? (trackerOutputs(r.tracker)[name] ?? null) : null)
});
const nothing$1 = { section: {}, findings: [] };
const tracker = {
    name: 'tracker',
    stage: 'sync',
    inputs: TRACKER_INPUTS,
    parse: p => ({ tracker: parseTrackerConfig(p) }),
    codes: {},
    outputs: [
        out$2('stabilization-status', 'The stabilization status in one line, from the run history (with `tracker: true`).'),
        out$2('unstable-since', 'ISO time of the first run of the current unstable stretch; empty when stable (with `tracker: true`).'),
        out$2('conflicts-resolved', 'Dependency conflicts seen since the last stable run that are gone now (with `tracker: true`).')
    ],
    // The merge job records a sharded gate, like it syncs its roadmap.
    async sync(ports, config) {
        if ((!config.tracker.enabled && !config.warningRatchet) || config.shard)
            return nothing$1;
        const section = await trackerRecord({ ...ports, config, client: ports.github });
        // The warning ratchet keeps the history (its base) without the tracker's status and checklist.
        return config.tracker.enabled ? { section: { tracker: section }, findings: [] } : nothing$1;
    },
    markdown: r => trackerMarkdown(r.tracker),
    terminal: r => trackerText(r.tracker)
};

// The workstreams section as markdown (job summary, PR comment) and as terminal text, plus the outputs.
const MODE = {
    apply: 'applied',
    'dry-run': 'dry run (nothing written)',
    preview: 'preview (what a trusted run would do)',
    'report-only': 'report only (nothing written)'
};
const HEADER$1 = ['workstream', 'state', 'was', 'branch', 'issue', 'why'];
/** Reasons every workstream shares (of two or more): said once, not in every row. */
function sharedReasons(s) {
    const [first, ...others] = s.workstreams;
    if (!first || others.length === 0)
        return [];
    return first.reasons.filter(r => others.every(w => w.reasons.includes(r)));
}
/** The table's header and rows; the why column only when some row has a reason of its own. */
function rows(s, issue) {
    const shared = sharedReasons(s);
    const own = s.workstreams.map(w => w.reasons.filter(r => !shared.includes(r)).join('; '));
    const why = own.some(Boolean);
    const header = why ? HEADER$1 : HEADER$1.slice(0, -1);
    return [
        header,
        ...s.workstreams.map((w, i) => [
            w.name,
            w.state,
            w.previousState,
            w.branch ?? '–',
            w.trackingIssue === null ? '–' : issue(w.trackingIssue),
            ...(why ? [own[i] || '–'] : [])
        ])
    ];
}
function workstreamsMarkdown(report) {
    const s = report.workstreams;
    if (!s)
        return null;
    const cell = (c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const tr = (cells) => `| ${cells.map(cell).join(' | ')} |`;
    const code = (c) => (c === '–' ? c : `\`${c}\``);
    const [header, ...all] = rows(s, n => `#${n}`);
    const body = all.map(([name, state, was, branch, ...rest]) => tr([code(name), state === 'ready' ? '🟢 ready' : '🔴 blocked', was, code(branch), ...rest]));
    if (s.error)
        return `### Workstreams — ❌ sync failed\n\n${cell(s.error)}`;
    const shared = sharedReasons(s);
    const out = [
        `### Workstreams — ${MODE[s.mode]}`,
        '',
        ...(shared.length ? [`Every workstream: ${shared.map(cell).join('; ')}`, ''] : []),
        tr(header),
        tr(header.map(() => '---')),
        ...body,
        '',
        `_${s.note}_`
    ];
    if (s.createdBranches.length)
        out.push('', `Created branches: ${s.createdBranches.map(b => `\`${b}\``).join(', ')}`);
    if (s.plannedWrites.length && s.mode !== 'apply')
        out.push('', `<details><summary>${s.plannedWrites.length} planned write(s)</summary>`, '', ...s.plannedWrites.map(w => `- \`${w.kind}\` ${cell(w.target)}: ${cell(w.detail)}`), '', '</details>');
    return out.join('\n');
}
function workstreamsText(report) {
    const s = report.workstreams;
    if (!s)
        return null;
    if (s.error)
        return `Workstreams: sync failed: ${s.error}`;
    const shared = sharedReasons(s);
    const out = [
        `Workstreams (${MODE[s.mode]}):`,
        ...(shared.length ? [`Every workstream: ${shared.join('; ')}`] : []),
        table(rows(s, n => `#${n}`)),
        s.note
    ];
    for (const w of s.plannedWrites)
        out.push(`  ${s.mode === 'apply' ? '✓' : '·'} ${w.kind} ${w.target}: ${w.detail}`);
    return out.join('\n');
}
/** Action outputs `ready-workstreams`, `blocked-workstreams`, `created-branches` (JSON arrays); the gate workstream is left out. */
function workstreamOutputs(s, gateWorkstream) {
    // A failed sync knows nothing: empty, not an empty list a later job would act on.
    if (s.error)
        return { 'ready-workstreams': '', 'blocked-workstreams': '', 'created-branches': '' };
    const dependents = s.workstreams.filter(w => w.name !== gateWorkstream);
    return {
        'ready-workstreams': JSON.stringify(dependents.filter(w => w.state === 'ready').map(w => w.name)),
        'blocked-workstreams': JSON.stringify(dependents.filter(w => w.state === 'blocked').map(w => w.name)),
        'created-branches': JSON.stringify(s.createdBranches)
    };
}

function status(e) {
    const s = e?.status;
    return typeof s === 'number' ? s : null;
}
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}
/** A failure GitHub may have applied anyway (5xx, dropped connection): re-read before writing again. */
function ambiguous(e) {
    return e instanceof GitHubRequestError && e.ambiguous;
}
/** An error that says which request failed; the client's own errors already do. */
function requestFailed(what, e) {
    if (e instanceof GitHubRequestError)
        return e;
    const code = status(e);
    return new Error(`GitHub ${what} failed${code ? ` (HTTP ${code})` : ''}: ${errorText(e)}`, { cause: e });
}
const pause = (ms) => new Promise(r => setTimeout(r, ms));
/** Applies `writes` in order under the one policy (see the top of this file). */
async function applyInOrder(writes, policy) {
    const result = { applied: 0, forbidden: null };
    for (const w of writes) {
        const what = policy.what(w);
        try {
            const changed = await policy.apply(w);
            if (changed)
                result.applied++;
            policy.log(`${changed ? '✓' : '='} ${what}${changed ? '' : (policy.unchanged ?? '')}`);
        }
        catch (e) {
            if (status(e) === 403) {
                result.forbidden = `${what}: ${errorText(e)}`;
                policy.log(`✗ ${what}: forbidden (HTTP 403); no further writes`);
                return result;
            }
            const once = ambiguous(e) ? policy.unrepeatable?.(w) : null;
            if (once)
                throw new Error(`${errorText(e)}. ${once}`, { cause: e });
            throw requestFailed(what, e);
        }
    }
    return result;
}
/** Labels are idempotent writes: adding twice is harmless, removing one already gone is no change. */
async function addLabel(client, repo, issue, label) {
    await client.rest.issues.addLabels({ ...repo, issue_number: issue, labels: [label] });
    return true;
}
async function removeLabel(client, repo, issue, label) {
    try {
        await client.rest.issues.removeLabel({ ...repo, issue_number: issue, name: label });
        return true;
    }
    catch (e) {
        if (status(e) === 404)
            return false;
        throw e;
    }
}

// Hidden HTML comments in bodies GitHub shows: they name what build-gate wrote (so a write that may
// have happened can be found again). Earlier releases also recorded in a tracking issue what they last
// announced; the ledger (ledger.ts) holds that now, and reads these markers while it has no file yet.
function trackingMarker(workstream) {
    return `<!-- build-gate:workstream=${workstream} -->`;
}
function hasTrackingMarker(body, workstream) {
    return !!body?.includes(trackingMarker(workstream));
}
const ANNOUNCED = /<!-- build-gate:announced=(ready|blocked|none) -->/;
/**
 * The state an earlier release's last successful repository_dispatch announced for this issue's
 * workstream: 'none' when nothing was, null when the issue has no marker.
 */
function announcedState(body) {
    const m = ANNOUNCED.exec(body ?? '');
    return m ? m[1] : null;
}

const NOTHING = { unblocked: [], blocked: [], branchesCreated: [], record: {} };
function announcements(i) {
    const out = { unblocked: [], blocked: [], branchesCreated: [], record: {} };
    for (const r of i.readiness) {
        if (r.isGate || r.done)
            continue;
        const last = i.last.get(r.name) ?? null;
        const branch = i.workstreams.find(w => w.name === r.name)?.branch ?? null;
        const newBranch = r.state === 'ready' && !!branch && i.branches.has(branch) && last?.branch !== branch;
        if (last?.state === r.state && !newBranch)
            continue;
        if (last?.state !== r.state)
            (r.state === 'ready' ? out.unblocked : out.blocked).push(r.name);
        if (newBranch)
            out.branchesCreated.push(branch);
        out.record[r.name] = { state: r.state, branch: newBranch ? branch : (last?.branch ?? null) };
    }
    return out;
}
const isEmpty = (a) => Object.keys(a.record).length === 0;
/**
 * Before the ledger, a successful dispatch was recorded in each tracking issue it made (a hidden
 * marker); labels are not evidence (a run that died before its dispatch moved them too).
 */
function announcedInIssues(issues, workstreams, branches) {
    const out = new Map();
    for (const ws of workstreams) {
        const state = announcedState(issues.get(ws.name)?.body);
        if (state !== 'ready' && state !== 'blocked')
            continue;
        const branch = state === 'ready' && ws.branch && branches.has(ws.branch) ? ws.branch : null;
        out.set(ws.name, { state: state, branch });
    }
    return out;
}

const LEDGER_FORMAT = 'build-gate-announcements';
const LEDGER_VERSION = 1;
const LEDGER_PATH = 'build-gate/announced.json';
/** A claim older than this belongs to a run that died between claiming and confirming. */
const CLAIM_LAPSES_MS = 10 * 60_000;
class LedgerError extends Error {
    location;
    constructor(location, message) {
        super(`Roadmap announcements ${location}: ${message}`);
        this.location = location;
        this.name = 'LedgerError';
    }
}
const emptyLedger = () => ({
    format: LEDGER_FORMAT,
    version: LEDGER_VERSION,
    workstreams: {},
    claims: []
});
/** What counts as announced: the confirmed states, then every claim still in time, oldest first. */
function lastAnnounced(ledger, now) {
    const out = new Map(Object.entries(ledger.workstreams));
    for (const c of liveClaims(ledger, now))
        for (const [w, e] of Object.entries(c.workstreams))
            out.set(w, e);
    return out;
}
function withClaim(ledger, claim, now) {
    return { ...ledger, claims: [...liveClaims(ledger, now), claim] };
}
/** The dispatch went out: the claim is what was announced. */
function confirmed(ledger, id) {
    const claim = ledger.claims.find(c => c.id === id);
    if (!claim)
        return ledger;
    return {
        ...ledger,
        workstreams: { ...ledger.workstreams, ...claim.workstreams },
        claims: ledger.claims.filter(c => c !== claim)
    };
}
/** The dispatch failed: the claim goes, so the next run announces the same changes. */
function released(ledger, id) {
    return ledger.claims.some(c => c.id === id)
        ? { ...ledger, claims: ledger.claims.filter(c => c.id !== id) }
        : ledger;
}
function liveClaims(ledger, now) {
    return ledger.claims.filter(c => now.getTime() - Date.parse(c.at) < CLAIM_LAPSES_MS);
}
const ledgerCodec = {
    what: 'the record of roadmap announcements',
    parse: parseLedger,
    serialize: l => `${JSON.stringify(l, null, 2)}\n`,
    error: (location, message) => new LedgerError(location, message),
    commitMessage: 'Record build-gate roadmap announcements',
    pathHint: `delete it: build-gate keeps its roadmap announcements in ${LEDGER_PATH}`,
    tooLargeHint: 'delete the file: the next run announces every workstream again',
    forbiddenHint: 'give the workflow `permissions: contents: write` (the roadmap needs it for its branches and its repository_dispatch too)'
};
function parseLedger(text, location) {
    const fail = (why) => {
        throw new LedgerError(location, `${why}; fix or delete it (deleted, the next run announces every workstream's state again).`);
    };
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (e) {
        return fail(`not valid JSON (${e.message})`);
    }
    const l = v;
    if (!isObject(l) || l.format !== LEDGER_FORMAT)
        fail(`no "format": "${LEDGER_FORMAT}"`);
    if (l.version !== LEDGER_VERSION)
        fail(`schema version ${String(l.version)} is not supported (this build-gate reads ${LEDGER_VERSION})`);
    checkEntries(l.workstreams, 'workstreams', fail);
    if (!Array.isArray(l.claims))
        fail('"claims" must be a list');
    l.claims.forEach((c, i) => {
        if (!isObject(c) || typeof c.id !== 'string' || Number.isNaN(Date.parse(String(c.at))))
            fail(`claims[${i}] needs an "id" and an ISO time "at"`);
        checkEntries(c.workstreams, `claims[${i}].workstreams`, fail);
    });
    return l;
}
function checkEntries(v, where, fail) {
    if (!isObject(v))
        fail(`"${where}" must be an object`);
    for (const [name, e] of Object.entries(v))
        if (!isObject(e) ||
            (e.state !== 'ready' && e.state !== 'blocked') ||
            (e.branch !== null && typeof e.branch !== 'string'))
            fail(`${where}["${name}"] must be {"state": "ready" | "blocked", "branch": string | null}`);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Sending an announcement once across runs: claimed in the ledger (a sha-checked write) before the
// dispatch, confirmed after it, released when it failed. A run that loses the race for the claim
// re-reads the ledger, finds the other run's claim and sends nothing (ledger.ts).
async function announceOnce(o) {
    const before = o.store.writes ?? 0;
    const ledgerWrites = () => (o.store.writes ?? 0) - before;
    const seed = () => ({ ...emptyLedger(), workstreams: Object.fromEntries(o.before) });
    const current = await o.store.read();
    if (isEmpty(o.derive(lastAnnounced(current ?? seed(), o.now()))))
        return none$1(0);
    const id = randomUUID();
    let mine = null;
    await o.store.update(doc => {
        const base = doc ?? seed();
        const now = o.now();
        const a = o.derive(lastAnnounced(base, now));
        mine = isEmpty(a) ? null : a;
        return mine
            ? withClaim(base, { id, at: now.toISOString(), runUrl: o.runUrl, workstreams: a.record }, now)
            : base;
    });
    const claimed = mine;
    if (!claimed) {
        o.log(`another run is announcing the same changes (${o.store.location}); not sent again`);
        return none$1(ledgerWrites());
    }
    let sent;
    try {
        sent = await o.send(claimed);
    }
    catch (e) {
        await release(o, id);
        // A failure that may hide a delivery says so itself (the write policy, github/writes.ts).
        if (ambiguous(e) || ambiguous(e.cause))
            throw e;
        throw new Error(`${errorText(e)}. Nothing was announced; the next run announces these changes again`, {
            cause: e
        });
    }
    if (sent.forbidden) {
        await release(o, id);
        return { announcement: null, writes: ledgerWrites(), forbidden: sent.forbidden };
    }
    try {
        await o.store.update(doc => confirmed(doc ?? seed(), id));
    }
    catch (e) {
        throw new Error(`The dispatch went out, but recording it failed: ${errorText(e)}. The next run may announce the same changes again`, { cause: e });
    }
    return { announcement: claimed, writes: ledgerWrites() + sent.applied, forbidden: null };
}
// Best effort: a claim that stays lapses (ledger.ts), and the next run announces again.
async function release(o, id) {
    try {
        await o.store.update(doc => (doc ? released(doc, id) : emptyLedger()));
    }
    catch (e) {
        o.log(`could not withdraw this run's claim in ${o.store.location} (${errorText(e)}); it lapses in ${CLAIM_LAPSES_MS / 60_000} minutes`);
    }
}
const none$1 = (writes) => ({ announcement: null, writes, forbidden: null });

const MAX_PAGES = 100;
async function listAll(client, 
/** Octokit route, e.g. 'GET /repos/{owner}/{repo}/labels'. */
route, params, log) {
    const seen = new Set();
    const items = [];
    const pages = client.paginate.iterator(route, { per_page: 100, ...params });
    for await (const page of pages) {
        const url = pageKey(page.url);
        if (seen.has(url)) {
            log?.(`GitHub linked back to a page already read (${url}); stopping the list there`);
            break;
        }
        seen.add(url);
        items.push(...page.data);
        if (seen.size >= MAX_PAGES) {
            log?.(`GitHub list longer than ${MAX_PAGES} pages; reading stopped at ${items.length} items`);
            break;
        }
    }
    return items;
}
/** The same page whatever the order of its query and whether `page=1` is spelled out. */
function pageKey(url) {
    try {
        const u = new URL(url);
        if (!u.searchParams.has('page'))
            u.searchParams.set('page', '1');
        u.searchParams.sort();
        return u.href;
    }
    catch {
        return url;
    }
}

const CREATE_ATTEMPTS = 3;
/**
 * true: created by this run, also when GitHub applied the create but answered a 5xx or dropped the
 * connection (the re-read finds it); false: a 422 and the thing exists (someone else made it).
 */
async function createOnce(create, exists, log) {
    for (let attempt = 1;; attempt++) {
        try {
            await create();
            return true;
        }
        catch (e) {
            if (status(e) === 422 && (await exists().catch(() => false)))
                return attempt > 1;
            if (!ambiguous(e) || attempt >= CREATE_ATTEMPTS)
                throw e;
            log(`${errorText(e)}; looking for it before trying again`);
            if (await exists())
                return true;
            await pause(1000 * attempt);
        }
    }
}
/** A repository label, made once (a concurrent run's or a human's counts as made). */
function createLabelOnce(client, repo, label, log) {
    return createOnce(() => client.rest.issues.createLabel({ ...repo, ...label, ...NO_RETRY }), () => labelExists(client, repo, label.name), log);
}
async function labelExists(client, repo, name) {
    try {
        await client.rest.issues.getLabel({ ...repo, name });
        return true;
    }
    catch (e) {
        if (status(e) === 404)
            return false;
        throw e;
    }
}
/** Issues (not pull requests) carrying the label, oldest first. */
async function listIssues(client, repo, label, state, log) {
    const found = await listAll(client, 'GET /repos/{owner}/{repo}/issues', { ...repo, labels: label, state, direction: 'asc' }, log);
    return found
        .filter(i => !i.pull_request)
        .map(i => ({
        number: i.number,
        state: i.state === 'closed' ? 'closed' : 'open',
        stateReason: i.state_reason ?? null,
        title: i.title ?? '',
        labels: i.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))),
        body: i.body ?? null
    }))
        .sort((a, b) => a.number - b.number);
}
async function createIssueOnce(client, repo, issue, id, log) {
    let number = null;
    for (let attempt = 1; number === null; attempt++) {
        try {
            const { data } = await client.rest.issues.create({
                ...repo,
                title: issue.title,
                body: issue.body,
                labels: issue.labels,
                ...NO_RETRY
            });
            number = data.number;
        }
        catch (e) {
            if (!ambiguous(e) || attempt >= CREATE_ATTEMPTS)
                throw e;
            log(`creating ${id.what} may have failed; looking for it before trying again`);
            const found = (await listIssues(client, repo, id.label, 'open')).find(i => id.marked(i.body));
            if (found)
                number = found.number;
            else
                await pause(1000 * attempt);
        }
    }
    const open = await listIssues(client, repo, id.label, 'open');
    return closeDuplicates(client, repo, open, id, { number, body: issue.body }, log);
}
/**
 * Of the open issues listed, the oldest that may stand for it is kept (`mine` when GitHub lists none
 * yet); every other marked one is closed as not planned, its labels removed.
 */
async function closeDuplicates(client, repo, open, id, mine, log) {
    const keeps = id.keeps ?? ((i) => id.marked(i.body));
    const winner = open.find(keeps) ?? { number: mine.number, body: mine.body };
    const extra = open.filter(i => i.number !== winner.number && id.marked(i.body));
    for (const dup of extra) {
        await client.rest.issues.update({
            ...repo,
            issue_number: dup.number,
            state: 'closed',
            state_reason: 'not_planned',
            labels: []
        });
        log(`closed #${dup.number}: a concurrent run also created ${id.what}; #${winner.number} is kept`);
    }
    return { number: winner.number, body: winner.body ?? mine.body, closed: extra.map(i => i.number) };
}
const listComments = (client, repo, issue) => listAll(client, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issue });
/**
 * A comment is not idempotent: sent without retries, and after an answer that may hide an applied write
 * the issue's comments are read for `found` (by default this very body) before trying again.
 */
async function commentOnce(client, repo, issue, body, found = c => c === body) {
    for (let attempt = 1;; attempt++) {
        try {
            await client.rest.issues.createComment({ ...repo, issue_number: issue, body, ...NO_RETRY });
            return;
        }
        catch (e) {
            if (!ambiguous(e) || attempt >= CREATE_ATTEMPTS)
                throw e;
            if ((await listComments(client, repo, issue)).some(c => found(c.body ?? '')))
                return;
            await pause(1000 * attempt);
        }
    }
}

const LABEL_COLORS = { workstream: '1d76db', ready: '0e8a16', blocked: 'd93f0b' };
// GitHub compares label names case-insensitively.
const same$1 = (a, b) => a.toLowerCase() === b.toLowerCase();
const has = (labels, name) => labels.some(l => same$1(l, name));
function planWrites(workstreams, readiness, observed, s) {
    const writes = [];
    const wanted = [
        ...workstreams.map(ws => ({
            name: s.prefix + ws.name,
            color: LABEL_COLORS.workstream,
            description: clip(`Tracking issue of workstream: ${ws.title}`)
        })),
        {
            name: s.readyLabel,
            color: LABEL_COLORS.ready,
            description: 'Workstream ready: every required dependency is satisfied'
        },
        {
            name: s.blockedLabel,
            color: LABEL_COLORS.blocked,
            description: 'Workstream blocked: a required dependency is not satisfied'
        }
    ];
    const known = [...observed.labels];
    for (const label of wanted)
        if (!has(known, label.name)) {
            known.push(label.name);
            writes.push({ kind: 'create-label', ...label });
        }
    for (const [workstream, issues] of observed.duplicates ?? []) {
        const kept = observed.issues.get(workstream)?.number;
        if (kept !== undefined)
            for (const issue of issues)
                writes.push({ kind: 'close-duplicate', workstream, issue, kept });
    }
    const byName = new Map(workstreams.map(ws => [ws.name, ws]));
    for (const r of readiness) {
        const ws = byName.get(r.name);
        const issue = observed.issues.get(r.name) ?? null;
        const stateLabel = r.state === 'ready' ? s.readyLabel : s.blockedLabel;
        const otherLabel = r.state === 'ready' ? s.blockedLabel : s.readyLabel;
        if (!issue && s.createTrackingIssues)
            writes.push({
                kind: 'create-issue',
                workstream: ws.name,
                title: ws.title,
                body: issueBody$1(ws),
                labels: r.isGate ? [s.prefix + ws.name] : [s.prefix + ws.name, stateLabel]
            });
        if (r.isGate || r.done)
            continue;
        if (r.state === 'ready' && ws.branch && !observed.branches.has(ws.branch))
            writes.push({
                kind: 'create-branch',
                workstream: ws.name,
                branch: ws.branch,
                from: s.baseBranch ?? observed.defaultBranch
            });
        if (!issue)
            continue;
        if (!has(issue.labels, stateLabel))
            writes.push({ kind: 'add-label', workstream: ws.name, issue: issue.number, label: stateLabel });
        for (const l of issue.labels.filter(l => same$1(l, otherLabel)))
            writes.push({ kind: 'remove-label', workstream: ws.name, issue: issue.number, label: l });
    }
    return writes;
}
/** The state the tracking issue's labels recorded before this run. */
function previousState(issue, s) {
    if (!issue)
        return 'unknown';
    const ready = has(issue.labels, s.readyLabel);
    const blocked = has(issue.labels, s.blockedLabel);
    return ready === blocked ? 'unknown' : ready ? 'ready' : 'blocked';
}
function describeWrite(w) {
    switch (w.kind) {
        case 'create-label':
            return { kind: w.kind, target: w.name, detail: `#${w.color} ${w.description}` };
        case 'create-issue':
            return { kind: w.kind, target: w.workstream, detail: `"${w.title}" labelled ${w.labels.join(', ')}` };
        case 'create-branch':
            return {
                kind: w.kind,
                target: w.branch,
                detail: `from the head of ${w.from} (${w.workstream} is ready)`
            };
        case 'add-label':
        case 'remove-label':
            return { kind: w.kind, target: `#${w.issue}`, detail: `${w.label} (${w.workstream})` };
        case 'dispatch':
            return { kind: w.kind, target: 'repository_dispatch', detail: `event ${w.eventType}` };
        case 'record-announced':
            return { kind: w.kind, target: w.location, detail: recordDetail(w.record) };
        case 'close-duplicate':
            return {
                kind: w.kind,
                target: `#${w.issue}`,
                detail: `another tracking issue of ${w.workstream}; #${w.kept} is kept`
            };
    }
}
/** "ready: a, b (branch feature/a); blocked: c" */
function recordDetail(record) {
    const named = (state) => Object.entries(record)
        .filter(([, e]) => e.state === state)
        .map(([w, e]) => (e.branch && state === 'ready' ? `${w} (branch ${e.branch})` : w));
    const parts = ['ready', 'blocked'].flatMap(st => named(st).length ? [`${st}: ${named(st).join(', ')}`] : []);
    return `announced ${parts.join('; ')}`;
}
function issueBody$1(ws) {
    const deps = (list) => list.length ? list.map(d => `- \`${d.name}\`${d.reason ? `: ${d.reason}` : ''}`).join('\n') : '_none_';
    return [
        `Tracking issue of the **${ws.title}** workstream (\`${ws.name}\`${ws.priority ? `, priority ${ws.priority}` : ''}).`,
        ws.branch ? `Branch: \`${ws.branch}\`, created once the workstream is ready.` : '',
        ws.objectives.length ? `### Objectives\n${ws.objectives.map(o => `- ${o}`).join('\n')}` : '',
        `### Required dependencies\n${deps(ws.required)}`,
        `### Optional dependencies\n${deps(ws.optional)}`,
        'The status label follows the build gate. Close this issue when the workstream is finished: workstreams that require it then become ready.',
        trackingMarker(ws.name)
    ]
        .filter(Boolean)
        .join('\n\n');
}
function clip(s) {
    return s.length <= 100 ? s : `${s.slice(0, 99)}…`;
}

// Reads what GitHub shows: default branch, labels, each workstream's tracking issue, branches. Reads only.
async function observeRepository(client, repo, workstreams, prefix, log) {
    const { data } = await client.rest.repos.get({ ...repo });
    const labels = await listAll(client, 'GET /repos/{owner}/{repo}/labels', { ...repo }, log);
    const issues = new Map();
    const duplicates = new Map();
    for (const ws of workstreams) {
        const all = await listTracking(client, repo, prefix + ws.name, 'all', log);
        const kept = pickTracking(all);
        issues.set(ws.name, kept);
        // Left by runs that raced (when GitHub listed late): close them, never a human's issue.
        const extra = all.filter(i => i.state === 'open' && i.number !== kept?.number && hasTrackingMarker(i.body, ws.name));
        if (extra.length)
            duplicates.set(ws.name, extra.map(i => i.number));
    }
    return { defaultBranch: data.default_branch, labels: labels.map(l => l.name), issues, duplicates };
}
/** Issues (not pull requests) carrying the label, oldest first. */
function listTracking(client, repo, label, state, log) {
    return listIssues(client, repo, label, state, log);
}
// Several issues with the label: an open one wins (the workstream is not finished), then the oldest.
function pickTracking(issues) {
    return issues.find(i => i.state === 'open') ?? issues[0] ?? null;
}
async function branchExists(client, repo, branch) {
    try {
        const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
        // GitHub answers a ref that is a prefix of others with a list of them: only an exact match counts.
        return !Array.isArray(data) && typeof data.object?.sha === 'string';
    }
    catch (e) {
        if (status(e) === 404)
            return false;
        throw e;
    }
}
async function observeBranches(client, repo, branches) {
    const existing = new Set();
    for (const b of branches)
        if (await branchExists(client, repo, b))
            existing.add(b);
    return existing;
}

// The roadmap's writes to GitHub, under the gate's write policy (github/writes.ts). Creates tolerate a
// concurrent writer (422 "already exists" is success once a re-read confirms it) and are never repeated
// blindly: after an answer that may hide a success (5xx, a dropped connection) the thing is looked for
// first, and found, it is this run's; removing a label that is already gone is a no-op; the writes
// GitHub cannot deduplicate (issue, dispatch) are never repeated blindly.
async function applyWrites(client, repo, writes, log, options) {
    const result = { applied: 0, createdBranches: [], createdIssues: new Map(), forbidden: null };
    const heads = new Map();
    const done = await applyInOrder(writes, {
        what: w => {
            const d = describeWrite(w);
            return `${d.kind} ${d.target}`;
        },
        apply: async (w) => {
            const changed = await applyOne$1(client, repo, w, { heads, result, log, prefix: options.prefix });
            if (changed && w.kind === 'create-branch')
                result.createdBranches.push(w.branch);
            return changed;
        },
        unrepeatable: w => w.kind === 'dispatch'
            ? 'The event may or may not have been delivered; it is not sent again now, and the next run announces these changes again'
            : null,
        unchanged: ' (already done by someone else)',
        log
    });
    // A created tracking issue counts the duplicates it closed as writes too.
    return { ...result, applied: result.applied + done.applied, forbidden: done.forbidden };
}
async function applyOne$1(client, repo, w, s) {
    switch (w.kind) {
        case 'create-label':
            return createLabelOnce(client, repo, { name: w.name, color: w.color, description: w.description }, s.log);
        case 'create-issue': {
            // Any open issue with the workstream's label is its tracking issue; only marked ones are closed.
            const made = await createIssueOnce(client, repo, w, {
                label: s.prefix + w.workstream,
                marked: body => hasTrackingMarker(body, w.workstream),
                what: `the tracking issue of ${w.workstream}`,
                keeps: () => true
            }, s.log);
            s.result.createdIssues.set(w.workstream, { number: made.number, body: made.body });
            s.result.applied += made.closed.length;
            return true;
        }
        case 'create-branch': {
            if (!s.heads.has(w.from)) {
                const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${w.from}` });
                s.heads.set(w.from, data.object.sha);
            }
            const sha = s.heads.get(w.from);
            return createOnce(() => client.rest.git.createRef({ ...repo, ref: `refs/heads/${w.branch}`, sha, ...NO_RETRY }), () => branchExists(client, repo, w.branch), s.log);
        }
        case 'add-label':
            return addLabel(client, repo, w.issue, w.label);
        case 'remove-label':
            return removeLabel(client, repo, w.issue, w.label);
        case 'dispatch':
            await client.rest.repos.createDispatchEvent({
                ...repo,
                event_type: w.eventType,
                client_payload: w.payload,
                ...NO_RETRY
            });
            return true;
        case 'close-duplicate':
            await client.rest.issues.update({
                ...repo,
                issue_number: w.issue,
                state: 'closed',
                state_reason: 'not_planned',
                labels: []
            });
            return true;
    }
}

const EVENT_STABLE = 'build-system-stable';
const EVENT_CONFLICT = 'dependency-conflict';
function eventType(report) {
    return report.verdict.stable ? EVENT_STABLE : EVENT_CONFLICT;
}
function buildObservation(o) {
    const stable = o.report.verdict.stable;
    return {
        agent_id: `build-gate/${o.gate}`,
        observation_type: stable ? 'BUILD_SYSTEM_STABLE' : 'DEPENDENCY_CONFLICT',
        timestamp: o.now.toISOString(),
        data: {
            phase: stable ? 'build_system_stable' : 'dependency_conflict',
            stable,
            reasons: o.report.verdict.reasons.map(r => r.code),
            conflicts_found: o.report.conflicts ? countConflicts(o.report.findings) : null,
            // One run cannot tell how many earlier conflicts were fixed: that needs the tracker's history.
            conflicts_resolved: o.tracker?.conflictsResolved ?? null,
            unstable_since: o.tracker?.unstableSince ?? null,
            unstable_since_sha: o.tracker?.unstableSinceSha ?? null,
            next_milestone: o.nextMilestone ?? [],
            branches_created: o.branchesCreated,
            workstreams_unblocked: o.unblocked,
            workstreams_blocked: o.newlyBlocked,
            ready_workstreams: o.ready,
            blocked_workstreams: o.blocked,
            sha: o.sha,
            run_url: o.runUrl
        }
    };
}
/** Conflicts the policy counts (block or warn; allowed ones are not), each crate and code once. */
function countConflicts(findings) {
    return conflictIds(findings).length;
}
/** The next milestone: dependents that require the gate, are not finished, and wait while it is unstable. */
function gateBlocks(workstreams, readiness, gate, stable) {
    if (stable)
        return [];
    const waiting = new Set(readiness.filter(r => !r.isGate && !r.done).map(r => r.name));
    return workstreams
        .filter(w => waiting.has(w.name) && w.required.some(d => d.name === gate))
        .map(w => w.name);
}

function decideReadiness(workstreams, input) {
    return workstreams.map(ws => {
        const issue = input.issues?.get(ws.name) ?? null;
        const done = issue?.state === 'closed';
        if (ws.name === input.gate)
            return {
                name: ws.name,
                state: input.stable ? 'ready' : 'blocked',
                reasons: input.stable
                    ? ['this gate: the build is stable']
                    : input.unstableBecause.map(r => `this gate: ${r}`),
                isGate: true,
                done
            };
        if (done)
            return {
                name: ws.name,
                state: 'ready',
                reasons: [`finished: tracking issue #${issue.number} is closed`],
                isGate: false,
                done
            };
        const reasons = ws.required.flatMap(d => unsatisfied(d.name, input));
        return { name: ws.name, state: reasons.length ? 'blocked' : 'ready', reasons, isGate: false, done };
    });
}
function unsatisfied(dep, input) {
    if (dep === input.gate)
        return input.stable
            ? []
            : [`needs ${dep}: the build is not stable (${input.unstableBecause.join('; ') || 'no reason given'})`];
    if (!input.issues)
        return [`needs ${dep}: its tracking issue could not be read (no GitHub access)`];
    const issue = input.issues.get(dep);
    if (!issue)
        return [`needs ${dep}: no tracking issue labelled '${input.prefix}${dep}'`];
    return issue.state === 'closed' ? [] : [`needs ${dep}: tracking issue #${issue.number} is open`];
}

async function syncWorkstreams(o) {
    const { config, ctx, client, log } = o;
    if (!config.workstreams)
        throw new Error("syncWorkstreams needs the 'workstreams' input (a glob of workstream files)");
    const root = o.root ??
        (config.surface === 'cli' ? config.workingDirectory : (process.env.GITHUB_WORKSPACE ?? process.cwd()));
    // The YAML parser and the glob matcher load only for runs that keep a roadmap.
    const { loadWorkstreams } = await import('./load.js');
    const workstreams = await loadWorkstreams(config.workstreams, root, {
        labelPrefix: config.workstreamLabelPrefix,
        gateWorkstream: config.gateWorkstream
    });
    const settings = {
        prefix: config.workstreamLabelPrefix,
        readyLabel: config.readyLabel,
        blockedLabel: config.blockedLabel,
        createTrackingIssues: config.createTrackingIssues,
        baseBranch: config.baseBranch
    };
    const repo = ctx.owner && ctx.repo ? { owner: ctx.owner, repo: ctx.repo } : null;
    if (!client || !repo)
        return offline(o, workstreams, !client ? 'no GitHub token' : 'no repository (GITHUB_REPOSITORY is not set)');
    let observed;
    let readiness;
    try {
        const seen = await observeRepository(client, repo, workstreams, settings.prefix, log);
        readiness = decide$1(o, workstreams, seen.issues);
        const wantedBranches = readiness.flatMap(r => {
            const branch = workstreams.find(w => w.name === r.name).branch;
            return r.state === 'ready' && !r.isGate && !r.done && branch ? [branch] : [];
        });
        observed = { ...seen, branches: await observeBranches(client, repo, wantedBranches) };
    }
    catch (e) {
        if (status(e) !== 403)
            throw e;
        return offline(o, workstreams, `the token may not read the repository's issues (${errorText(e)})`);
    }
    const planned = planWrites(workstreams, readiness, observed, settings);
    let writes = planned;
    const mode = config.dryRun ? 'dry-run' : ctx.trusted && !ctx.pullRequest ? 'apply' : 'preview';
    const section = (m, applied, created, a, note) => ({
        mode: m,
        workstreams: states(workstreams, readiness, observed, settings),
        plannedWrites: writes.map(describeWrite),
        appliedWrites: applied,
        createdBranches: created,
        observation: observation(o, workstreams, readiness, a),
        note
    });
    const ledger = new BranchStore(client, { ...repo, branch: config.baselineBranch, path: LEDGER_PATH }, ledgerCodec);
    const now = o.now ?? (() => new Date());
    const derive = (branches) => (last) => announcements({ readiness, workstreams, last, branches });
    const announced = (a) => [
        { kind: 'record-announced', location: ledger.location, record: a.record },
        { kind: 'dispatch', eventType: eventType(o.report), payload: observation(o, workstreams, readiness, a) }
    ];
    if (mode !== 'apply') {
        const branches = new Set([
            ...observed.branches,
            ...planned.flatMap(w => (w.kind === 'create-branch' ? [w.branch] : []))
        ]);
        let a = NOTHING;
        if (config.dispatchEvents) {
            const doc = await ledger.read().catch((e) => {
                log(`${errorText(e)}; the plan assumes nothing was announced`);
                return null;
            });
            const last = doc ? lastAnnounced(doc, now()) : announcedInIssues(observed.issues, workstreams, branches);
            a = derive(branches)(last);
            if (!isEmpty(a))
                writes = [...writes, ...announced(a)];
        }
        for (const w of writes)
            log(`${mode === 'dry-run' ? 'would' : 'if merged, would'} ${line(w)}`);
        const note = mode === 'dry-run'
            ? `dry run: ${writes.length} write(s) planned, none made`
            : `${ctx.pullRequest ? `pull request #${ctx.pullRequest.number}` : ctx.trustReason}: nothing on the roadmap changes; the plan shows what a trusted run would do`;
        return section(mode, 0, [], a, note);
    }
    if (settings.baseBranch && writes.some(w => w.kind === 'create-branch'))
        if (!(await branchExists(client, repo, settings.baseBranch)))
            throw new Error(`Input 'base-branch': branch '${settings.baseBranch}' does not exist in ${repo.owner}/${repo.repo}; set base-branch to an existing branch, or leave it empty for the default branch (${observed.defaultBranch})`);
    const applied = await applyWrites(client, repo, planned, log, { prefix: settings.prefix });
    let count = applied.applied;
    let forbidden = applied.forbidden;
    let a = NOTHING;
    if (!forbidden && config.dispatchEvents) {
        const branches = new Set([...observed.branches, ...applied.createdBranches]);
        const done = await announceOnce({
            store: ledger,
            derive: derive(branches),
            before: announcedInIssues(observed.issues, workstreams, branches),
            send: async (x) => {
                const [record, event] = announced(x);
                writes = [...writes, record, event];
                return applyWrites(client, repo, [event], log, { prefix: settings.prefix });
            },
            now,
            runUrl: ctx.runUrl,
            log
        });
        a = done.announcement ?? NOTHING;
        count += done.writes;
        forbidden = done.forbidden;
    }
    const note = forbidden
        ? `the token may not write (${forbidden}); give the workflow 'contents: write' and 'issues: write'. ${count} write(s) were made before that`
        : `${count} write(s) made`;
    return section(forbidden ? 'report-only' : 'apply', count, applied.createdBranches, a, note);
}
/** The section of a sync that failed: the summary and the PR comment say so, with the reason. */
function failedSync(error) {
    return {
        mode: 'report-only',
        workstreams: [],
        plannedWrites: [],
        appliedWrites: 0,
        createdBranches: [],
        observation: null,
        note: 'the roadmap sync failed; nothing after the failure was written',
        error
    };
}
function decide$1(o, workstreams, issues) {
    return decideReadiness(workstreams, {
        gate: o.config.gateWorkstream,
        stable: o.report.verdict.stable,
        unstableBecause: o.report.verdict.reasons.map(r => r.message),
        issues,
        prefix: o.config.workstreamLabelPrefix
    });
}
// Without GitHub: readiness from the files and the verdict alone; nothing planned, nothing written.
function offline(o, workstreams, why) {
    const readiness = decide$1(o, workstreams);
    o.log(`workstreams: report only: ${why}`);
    return {
        mode: 'report-only',
        workstreams: readiness.map(r => ({
            ...base(workstreams, r),
            trackingIssue: null,
            previousState: 'unknown'
        })),
        plannedWrites: [],
        appliedWrites: 0,
        createdBranches: [],
        observation: observation(o, workstreams, readiness, NOTHING),
        note: `report only: ${why}; readiness comes from the workstream files and the verdict`
    };
}
function states(workstreams, readiness, observed, s) {
    return readiness.map(r => {
        const issue = observed.issues.get(r.name) ?? null;
        return {
            ...base(workstreams, r),
            trackingIssue: issue?.number ?? null,
            previousState: previousState(issue, s)
        };
    });
}
function base(workstreams, r) {
    const ws = workstreams.find(w => w.name === r.name);
    return { name: ws.name, title: ws.title, branch: ws.branch, state: r.state, reasons: r.reasons };
}
function observation(o, workstreams, readiness, a) {
    const dependents = readiness.filter(r => !r.isGate);
    return buildObservation({
        report: o.report,
        gate: o.config.gateWorkstream,
        ready: dependents.filter(r => r.state === 'ready').map(r => r.name),
        blocked: dependents.filter(r => r.state === 'blocked').map(r => r.name),
        unblocked: a.unblocked,
        newlyBlocked: a.blocked,
        branchesCreated: a.branchesCreated,
        runUrl: o.ctx.runUrl,
        sha: o.ctx.sha,
        now: (o.now ?? (() => new Date()))(),
        tracker: o.tracker,
        nextMilestone: gateBlocks(workstreams, readiness, o.config.gateWorkstream, o.report.verdict.stable)
    });
}
function line(w) {
    const d = describeWrite(w);
    return `${d.kind} ${d.target}: ${d.detail}`;
}

const out$1 = (name, description) => ({
    name,
    description,
    value: (r, ctx) => r.workstreams && ctx.config ? workstreamOutputs(r.workstreams, ctx.config.gateWorkstream)[name] : null
});
const roadmap = {
    name: 'roadmap',
    stage: 'sync',
    inputs: [
        {
            name: 'workstreams',
            default: '',
            description: 'Glob of workstream files (Toka format) or one compact plan file, relative to the repository in Actions and to the workspace on the command line; empty disables roadmap sync.'
        },
        {
            name: 'gate-workstream',
            default: 'build-system-stabilization',
            description: 'The workstream this gate stands for.'
        },
        {
            name: 'workstream-label-prefix',
            default: 'workstream:',
            description: "Prefix of the label that marks a workstream's tracking issue."
        },
        {
            name: 'ready-label',
            default: 'status:ready',
            description: 'Label put on the tracking issue of a ready workstream.'
        },
        {
            name: 'blocked-label',
            default: 'status:blocked',
            description: 'Label put on the tracking issue of a blocked workstream.'
        },
        {
            name: 'create-tracking-issues',
            default: 'false',
            description: 'Open a tracking issue for workstreams that have none.'
        },
        {
            name: 'base-branch',
            default: '',
            description: "Branch new workstream branches start from; empty uses the repository's default branch."
        },
        {
            name: 'dispatch-events',
            default: 'true',
            description: 'Send a `repository_dispatch` when a workstream changes state.'
        }
    ],
    parse: p => {
        const config = {
            workstreams: p.optional('workstreams'),
            gateWorkstream: p.raw('gate-workstream'),
            workstreamLabelPrefix: p.raw('workstream-label-prefix'),
            readyLabel: p.raw('ready-label'),
            blockedLabel: p.raw('blocked-label'),
            createTrackingIssues: p.bool('create-tracking-issues'),
            baseBranch: p.optional('base-branch'),
            dispatchEvents: p.bool('dispatch-events')
        };
        checkRoadmapInputs(config);
        return config;
    },
    codes: {},
    outputs: [
        out$1('ready-workstreams', 'JSON array of the workstreams that are ready.'),
        out$1('blocked-workstreams', 'JSON array of the workstreams that are blocked.'),
        out$1('created-branches', 'JSON array of the branches this run created.')
    ],
    // Only a judged, unsharded build moves the roadmap (the merge job syncs for a sharded gate).
    async sync(ports, config) {
        if (!config.workstreams || config.shard)
            return { section: {}, findings: [] };
        const workstreams = await syncWorkstreams({
            report: ports.report,
            config,
            ctx: ports.ctx,
            client: ports.github,
            log: ports.log,
            tracker: observationFields(ports.report.tracker)
        });
        return { section: { workstreams }, findings: [] };
    },
    syncFailed: error => ({ workstreams: failedSync(error) }),
    markdown: workstreamsMarkdown,
    terminal: r => workstreamsText(r)?.split('\n') ?? []
};

const EVENT_ESCALATION = 'build-system-escalation';
const ESCALATED = /^<!-- build-gate:escalation since=(\S+) -->/;
const RECOVERED = /^<!-- build-gate:recovered -->/;
/** The last escalation/recovery marker among the issue's comments (oldest first). */
function lastMarker(comments) {
    for (const body of [...comments].reverse()) {
        const m = ESCALATED.exec(body ?? '');
        if (m)
            return { kind: 'escalation', since: m[1] };
        if (RECOVERED.test(body ?? ''))
            return { kind: 'recovered' };
    }
    return null;
}
/**
 * Whether the current unstable stretch was escalated: the last marker is an escalation of this stretch
 * (same start), or of an earlier start when the history no longer reaches back to before the stretch.
 */
function escalatedThisStretch(marker, s) {
    if (marker?.kind !== 'escalation' || !s.unstableSince)
        return false;
    if (marker.since === s.unstableSince.at)
        return true;
    return s.stretchStartsHistory && Date.parse(marker.since) <= Date.parse(s.unstableSince.at);
}
function escalationComment(s, report, o) {
    const since = s.unstableSince;
    const who = o.escalateTo.length ? `${o.escalateTo.join(' ')}: ` : '';
    const reasons = report.verdict.reasons.map(r => `- ${r.message}`);
    const { found, resolved, open } = s.conflicts;
    return [
        `<!-- build-gate:escalation since=${since.at} -->`,
        `### Build not stable for ${formatDuration(s.forMs)}`,
        '',
        `${who}the build has been unstable since ${when(since)}, longer than escalate-after (${formatDuration(s.escalation.afterMs ?? 0)}).${o.labelled ? '' : ` Label \`${o.label}\` added.`}`,
        '',
        '**Still failing:**',
        ...(reasons.length ? reasons : ['- (no reason recorded)']),
        ...(found.length
            ? [
                '',
                `**Conflicts:** ${resolved.length} of ${found.length} resolved${open.length ? `; open: ${open.map(describeConflict).join(', ')}` : ''}.`
            ]
            : []),
        ...(s.warnings
            ? [
                '',
                `**Warnings:** ${burndownLine(s.warnings)}.`,
                '',
                ...fenced(burndownLines(s.warnings).join('\n'))
            ]
            : []),
        '',
        s.current.runUrl ? `Latest run: ${s.current.runUrl}` : `Latest run: ${when(s.current)}`
    ].join('\n');
}
function recoveryComment(s, o) {
    const { found, resolved } = s.conflicts;
    const after = s.endedStretch ? `, after ${formatDuration(s.endedStretch.forMs)} unstable` : '';
    return [
        '<!-- build-gate:recovered -->',
        `### Build stable again`,
        '',
        `The build is stable since ${where$1(s.current)}${after}${found.length ? `; ${resolved.length} of ${found.length} conflicts resolved` : ''}.${o.labelled ? ` Label \`${o.label}\` removed.` : ''}`,
        ...(s.current.runUrl ? ['', `Run: ${s.current.runUrl}`] : [])
    ].join('\n');
}

// The living checklist: the plan's success criteria as GitHub task-list items, each ticked from the
// latest trusted run with its evidence, in a marked block of the tracking issue's body. Pure.
//
// What is compared: the ticks, the counts and the "unstable since" line, through a digest kept in the
// block. What is not: evidence that varies from run to run with nothing changed (build seconds, the
// run's link and time), so an unchanged rerun writes nothing; the link shown is the run that last
// changed a tick or a count.
const CHECKLIST_START = '<!-- build-gate:checklist:start -->';
const CHECKLIST_END = '<!-- build-gate:checklist:end -->';
const DIGEST = /<!-- build-gate:checklist:digest=([0-9a-f]+) -->/;
function checklistItems(i) {
    const { report } = i;
    const items = [conflictsItem(report.findings), buildItem(report), testsItem(report)];
    const api = publicApiItem(report);
    if (api)
        items.push(api);
    items.push(timingItem(report));
    if (i.gateBlocks)
        items.push(workstreamsItem(report, i.gateBlocks, i.readyDependents));
    return items;
}
function conflictsItem(findings) {
    const conflicts = findings.filter(f => isConflict(f.code));
    const named = (sev) => [
        ...new Set(conflicts.filter(f => f.severity === sev).map(f => describeConflict(conflictId(f.code, f.crate))))
    ].sort();
    const denied = named('block');
    const warned = named('warn');
    const parts = [denied.length ? `${denied.length} denied: ${denied.join(', ')}` : 'none denied'];
    if (warned.length)
        parts.push(`${warned.length} reported, not denied: ${warned.join(', ')}`);
    return {
        label: 'Dependency conflicts resolved (none denied)',
        done: denied.length === 0,
        evidence: parts.join('; ')
    };
}
function buildItem(report) {
    const label = 'Workspace builds without warnings or errors';
    const check = checkingPhase(report.phases);
    if (!check?.ran || (check.failure && report.diagnostics.errors === 0))
        return { label, done: false, evidence: 'cargo check did not complete' };
    const { errors, warnings } = report.diagnostics;
    const crates = report.crates.filter(c => c.errors + c.warnings > 0).map(c => c.name);
    const evidence = `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(report.crates.length, 'crate')}${crates.length ? ` (${crates.join(', ')})` : ''}`;
    return { label, done: errors === 0 && warnings === 0 && !check.failure, evidence };
}
function testsItem(report) {
    const label = 'Full test suite passes';
    const t = report.tests;
    if (!t?.ran)
        return { label, done: false, evidence: 'the tests did not run' };
    const failing = [...new Set(t.failures.map(f => f.crate))].sort();
    const flaky = (t.flaky ?? []).map(f => `${f.crate} ${f.name}`).sort();
    // flaky-tests: deny makes a flaky test a failure of the suite; warn and allow let it pass.
    const denied = report.findings.some(f => f.code === 'tests-flaky' && f.severity === 'block');
    const memory = (report.tracker?.flaky ?? []).map(flakyMemoryLine);
    return {
        label,
        done: t.failed === 0 && !denied,
        evidence: `${t.passed} passed, ${t.failed} failed, ${t.ignored} ignored${failing.length ? ` (failing in ${failing.join(', ')})` : ''}${flaky.length ? `; flaky: ${flaky.join(', ')}` : ''}`,
        ...(memory.length ? { measured: memory.join('; ') } : {})
    };
}
// Only when the public API check ran (its section is on, or it emitted findings); its codes:
// api-breaking (allowed when a version bump announces it), api-unknown (could not compare).
function publicApiItem(report) {
    const api = report.findings.filter(f => f.source === 'public-api');
    const section = report.publicApi;
    if (!api.length && (!section || section.status === 'off'))
        return null;
    const label = 'No breaking public API changes';
    const breaking = api.filter(f => f.code === 'api-breaking' && (f.severity === 'block' || f.severity === 'warn'));
    const unknown = api.filter(f => f.code === 'api-unknown');
    const crates = (list) => [...new Set(list.map(f => f.crate ?? '?'))].sort().join(', ');
    if (breaking.length)
        return {
            label,
            done: false,
            evidence: `${count(breaking.length, 'breaking change')} in ${crates(breaking)}`
        };
    if (unknown.length || section?.status === 'unknown')
        return {
            label,
            done: false,
            evidence: unknown.length ? `could not be compared for ${crates(unknown)}` : 'could not be compared'
        };
    const allowed = api.filter(f => f.code === 'api-breaking' && f.severity === 'allowed').length;
    return {
        label,
        done: true,
        evidence: allowed ? `none unannounced (${count(allowed, 'break')} allowed by a version bump)` : 'none'
    };
}
function timingItem(report) {
    const label = 'Build time within tolerance';
    const t = report.timing;
    if (!t)
        return { label, done: false, evidence: 'not measured against a baseline' };
    const seconds = t.baselineSeconds !== null && t.deltaPercent !== null
        ? `${t.seconds.toFixed(1)} s ${t.metric}, ${t.deltaPercent >= 0 ? '+' : ''}${t.deltaPercent.toFixed(1)}% against ${t.baselineSeconds.toFixed(1)} s`
        : `${t.seconds.toFixed(1)} s ${t.metric}`;
    if (t.regression === 'true' || t.regression === 'false')
        return {
            label,
            done: t.regression === 'false',
            evidence: t.regression === 'true' ? 'regression' : 'no regression',
            measured: seconds
        };
    // Why it was not compared changes from the first stable run to the next with nothing else changed.
    const why = t.regression === 'no-baseline' ? 'no baseline yet' : 'not comparable with the baseline';
    return { label, done: false, evidence: 'not compared with a baseline', measured: `${why}; ${seconds}` };
}
function workstreamsItem(report, gateBlocks, ready) {
    const label = 'Dependent workstreams unblocked';
    if (gateBlocks.length)
        return {
            label,
            done: false,
            evidence: `${gateBlocks.length} still wait for this gate: ${[...gateBlocks].sort().join(', ')}`
        };
    return {
        label,
        done: report.verdict.stable,
        evidence: ready.length ? `ready: ${[...ready].sort().join(', ')}` : 'none waits for this gate'
    };
}
/** The lines compared between runs: ticks, counts, since when, conflicts. */
function comparedLines(items, s) {
    const { found, resolved, open } = s.conflicts;
    return [
        ...items.map(i => `- [${i.done ? 'x' : ' '}] ${i.label}: ${i.evidence}`),
        s.stable ? `**Stable** since ${when(s.stableSince)}.` : `**Unstable** since ${when(s.unstableSince)}.`,
        found.length
            ? `**Conflicts** since the last stable run: ${found.length} found, ${resolved.length} resolved${open.length ? `; open: ${open.map(describeConflict).join(', ')}` : ''}.`
            : '**Conflicts** since the last stable run: none found.',
        // The burndown's counts, not its picture (a glyph more each run): a count that changed rewrites the block.
        ...(s.warnings ? [warningsLine(s.warnings)] : [])
    ];
}
/** "**Warnings:** 9 now (a 3, b 6); 14 on 2 Dec.": the same for the same counts, run after run. */
function warningsLine(b) {
    const crates = b.crates.filter(c => c.now > 0).map(c => `${c.name} ${c.now}`);
    const day = new Date(b.since.at).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC'
    });
    return `**Warnings:** ${b.now} now${crates.length ? ` (${crates.join(', ')})` : ''}; ${b.since.warnings} on ${day}.`;
}
function checklistDigest(items, s) {
    return createHash('sha256').update(comparedLines(items, s).join('\n')).digest('hex').slice(0, 16);
}
/** The marked block, with the run that produced it. */
function renderChecklist(items, s) {
    const lines = comparedLines(items, s);
    const ticks = lines
        .slice(0, items.length)
        .map((l, n) => (items[n].measured ? `${l} (${items[n].measured})` : l));
    const run = s.current.runUrl ? `[this run](${s.current.runUrl})` : 'a local run';
    return [
        CHECKLIST_START,
        `<!-- build-gate:checklist:digest=${checklistDigest(items, s)} -->`,
        '### Stabilization checklist',
        '',
        ...ticks,
        '',
        ...lines.slice(items.length).flatMap(l => [l, '']),
        // Shown, not compared: the burndown's picture as of the run that last rewrote the block.
        ...(s.warnings ? [...fenced(burndownLines(s.warnings).join('\n')), ''] : []),
        `<sub>Ticked by build-gate from ${run} at ${when(s.current)}; rewritten when a tick or a count changes (build times and this link are not compared).</sub>`,
        CHECKLIST_END
    ].join('\n');
}
/** The digest of the block already in `body`; `broken` when its markers are not one start then one end. */
function readBlock(body) {
    const text = body ?? '';
    const starts = text.split(CHECKLIST_START).length - 1;
    const ends = text.split(CHECKLIST_END).length - 1;
    if (starts === 0 && ends === 0)
        return { kind: 'none' };
    const a = text.indexOf(CHECKLIST_START);
    const b = text.indexOf(CHECKLIST_END);
    if (starts !== 1 || ends !== 1 || b < a)
        return { kind: 'broken' };
    return { kind: 'found', digest: DIGEST.exec(text.slice(a, b))?.[1] ?? null };
}
/** `body` with its block replaced by `block`, or `block` appended; everything else kept as it was. */
function withBlock(body, block) {
    const text = body ?? '';
    const a = text.indexOf(CHECKLIST_START);
    const b = text.indexOf(CHECKLIST_END);
    if (a >= 0 && b > a)
        return text.slice(0, a) + block + text.slice(b + CHECKLIST_END.length);
    return text.trim() ? `${text.replace(/\s+$/, '')}\n\n${block}\n` : `${block}\n`;
}
const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

const same = (a, b) => a.toLowerCase() === b.toLowerCase();
function planTracker(i) {
    const writes = [];
    const n = i.issue.number;
    if (i.existing.kind === 'none' || (i.existing.kind === 'found' && i.existing.digest !== i.digest))
        writes.push({ kind: 'update-body', issue: n, body: withBlock(i.issue.body, i.block) });
    const labelled = i.issue.labels.some(l => same(l, i.escalationLabel));
    const s = i.status;
    if (s.stable) {
        const escalated = i.issue.marker?.kind === 'escalation';
        if (escalated)
            writes.push({
                kind: 'comment',
                issue: n,
                body: recoveryComment(s, { label: i.escalationLabel, labelled }),
                about: 'recovery'
            });
        if (labelled)
            writes.push({ kind: 'remove-label', issue: n, label: i.escalationLabel });
        return { writes, escalation: escalated || labelled ? 'recover' : 'stable' };
    }
    if (s.escalation.afterMs === null)
        return { writes, escalation: 'off' };
    if (escalatedThisStretch(i.issue.marker, s))
        return { writes, escalation: 'escalated' };
    if (!s.escalation.due)
        return { writes, escalation: 'not-due' };
    // The comment (with its marker) first: once it exists, no later run escalates this stretch again.
    writes.push({
        kind: 'comment',
        issue: n,
        body: escalationComment(s, i.report, {
            escalateTo: i.escalateTo,
            label: i.escalationLabel,
            labelled
        }),
        about: 'escalation'
    });
    if (!labelled)
        writes.push({ kind: 'add-label', issue: n, label: i.escalationLabel });
    if (i.observation)
        writes.push({
            kind: 'dispatch',
            eventType: EVENT_ESCALATION,
            payload: escalationPayload(i.observation, s)
        });
    return { writes, escalation: 'escalate' };
}
function escalationPayload(observation, s) {
    const data = (observation.data ?? {});
    return {
        ...observation,
        observation_type: 'BUILD_SYSTEM_ESCALATION',
        data: {
            ...data,
            escalation: {
                unstable_since: s.unstableSince?.at ?? null,
                unstable_since_sha: s.unstableSince?.sha ?? null,
                unstable_seconds: Math.round(s.forMs / 1000),
                escalate_after_seconds: Math.round((s.escalation.afterMs ?? 0) / 1000)
            }
        }
    };
}
function describeTrackerWrite(w) {
    switch (w.kind) {
        case 'update-body':
            return { kind: w.kind, target: `#${w.issue}`, detail: 'stabilization checklist' };
        case 'add-label':
        case 'remove-label':
            return { kind: w.kind, target: `#${w.issue}`, detail: w.label };
        case 'comment':
            return { kind: w.kind, target: `#${w.issue}`, detail: w.about };
        case 'dispatch':
            return { kind: w.kind, target: 'repository_dispatch', detail: `event ${w.eventType}` };
    }
}

// The checklist's GitHub adapter: read the gate workstream's tracking issue (body, labels, markers in its
// comments) and make the planned writes. Thin: decisions are in plan.ts.
/** The open issue labelled `label` (the oldest if several); a closed one is `closed`. */
async function readTrackingIssue(client, repo, label) {
    const found = (await listAll(client, 'GET /repos/{owner}/{repo}/issues', { ...repo, labels: label, state: 'all' })).filter(i => !i.pull_request);
    const open = found.filter(i => i.state === 'open').sort((a, b) => a.number - b.number)[0];
    if (!open)
        return { issue: null, closed: found[0]?.number ?? null };
    const comments = await listComments(client, repo, open.number);
    return {
        issue: {
            number: open.number,
            body: open.body ?? null,
            labels: open.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))),
            marker: lastMarker(comments.map(c => c.body))
        },
        closed: null
    };
}
async function applyTrackerWrites(client, repo, writes, log) {
    return applyInOrder(writes, {
        what: w => {
            const d = describeTrackerWrite(w);
            return `${d.kind} ${d.target} (${d.detail})`;
        },
        apply: w => applyOne(client, repo, w),
        unrepeatable: w => w.kind === 'dispatch'
            ? 'The escalation event may or may not have been delivered; it is not sent again now'
            : null,
        log
    });
}
async function applyOne(client, repo, w) {
    switch (w.kind) {
        case 'update-body':
            await client.rest.issues.update({ ...repo, issue_number: w.issue, body: w.body });
            return true;
        case 'add-label':
            return addLabel(client, repo, w.issue, w.label);
        case 'remove-label':
            return removeLabel(client, repo, w.issue, w.label);
        case 'comment':
            await commentOnce(client, repo, w.issue, w.body);
            return true;
        case 'dispatch':
            await client.rest.repos.createDispatchEvent({
                ...repo,
                event_type: w.eventType,
                client_payload: w.payload,
                ...NO_RETRY
            });
            return true;
    }
}

/** The checklist and escalation on the gate's tracking issue; writes only in `apply` mode. */
async function publishTracker(p) {
    const s = { ...p.section };
    const { client, ctx } = p;
    if ((s.mode !== 'apply' && s.mode !== 'dry-run') || !client || !ctx.owner || !ctx.repo)
        return s;
    const repo = { owner: ctx.owner, repo: ctx.repo };
    const { issue, closed } = await readTrackingIssue(client, repo, p.issueLabel);
    if (!issue) {
        s.checklist = 'no-issue';
        s.note += closed
            ? `; the tracking issue labelled '${p.issueLabel}' (#${closed}) is closed: no checklist, no escalation`
            : `; no open issue labelled '${p.issueLabel}': open one (or set create-tracking-issues: true with workstreams) for the checklist and escalation`;
        return s;
    }
    s.issue = issue.number;
    const roadmap = roadmapView(p.report);
    const items = checklistItems({ report: p.report, ...roadmap });
    const existing = readBlock(issue.body);
    const { writes, escalation } = planTracker({
        issue,
        block: renderChecklist(items, s.status),
        digest: checklistDigest(items, s.status),
        existing,
        status: s.status,
        report: p.report,
        escalationLabel: p.tracker.escalationLabel,
        escalateTo: p.tracker.escalateTo,
        observation: p.observation
    });
    s.escalation = escalation;
    s.plannedWrites = writes.map(describeTrackerWrite);
    const bodyWrite = writes.some(w => w.kind === 'update-body');
    if (existing.kind === 'broken') {
        s.checklist = 'broken';
        s.note += `; the checklist markers in #${issue.number} are broken (one start, then one end, are needed): the block was not rewritten, fix or remove the markers`;
    }
    else
        s.checklist = bodyWrite ? (s.mode === 'apply' ? 'written' : 'planned') : 'unchanged';
    if (s.mode === 'dry-run') {
        for (const w of s.plannedWrites)
            p.log(`would ${w.kind} ${w.target}: ${w.detail}`);
        return s;
    }
    const applied = await applyTrackerWrites(client, repo, writes, p.log);
    s.appliedWrites = applied.applied;
    if (applied.forbidden) {
        s.mode = 'report-only';
        s.note += `; the token may not write (${applied.forbidden}): give the workflow 'issues: write' and 'contents: write'`;
    }
    // The record step's clock, so both steps say the same time left.
    const escalated = escalation === 'escalated' || (escalation === 'escalate' && !applied.forbidden);
    s.line = statusLine(s.status, new Date(s.status.current.at), escalated || null);
    return s;
}
/** What the roadmap sync saw: the dependents this gate still blocks, and those that are ready. */
function roadmapView(report) {
    const data = (report.workstreams?.observation?.data ?? null);
    const names = (v) => Array.isArray(v) ? v.filter((x) => typeof x === 'string') : null;
    if (!data)
        return { gateBlocks: null, readyDependents: [] };
    return {
        gateBlocks: names(data.next_milestone) ?? null,
        readyDependents: names(data.ready_workstreams) ?? []
    };
}

const nothing = { section: {}, findings: [] };
const checklist = {
    name: 'checklist',
    stage: 'sync',
    inputs: [],
    codes: {},
    outputs: [],
    async sync(ports, config) {
        const section = ports.report.tracker;
        if (!section)
            return nothing;
        const { report, ctx } = ports;
        // The roadmap's observation when it synced; else the same observation with no workstreams.
        const observation = !config.dispatchEvents
            ? null
            : (report.workstreams?.observation ??
                buildObservation({
                    report,
                    gate: config.gateWorkstream,
                    ready: [],
                    blocked: [],
                    unblocked: [],
                    newlyBlocked: [],
                    branchesCreated: [],
                    runUrl: ctx.runUrl,
                    sha: ctx.sha,
                    now: new Date(),
                    tracker: observationFields(section)
                }));
        const published = await publishTracker({
            section,
            report,
            tracker: config.tracker,
            issueLabel: config.workstreamLabelPrefix + config.gateWorkstream,
            client: ports.github,
            ctx,
            observation,
            log: ports.log
        });
        return { section: { tracker: published }, findings: [] };
    }
};

const FIX_BRANCH = 'build-gate/fix-dependencies';
const FIX_PR_TITLE = 'Fix dependency conflicts (build-gate)';
const LINT_TITLE = "Apply rustc's machine-applicable fixes (build-gate)";
const BOTH_TITLE = "Fix dependency conflicts and apply rustc's machine-applicable fixes (build-gate)";
const MARKER$1 = '<!-- build-gate:fix-dependencies -->';
/** What the pull request carries: verified dependency fixes, a verified lint fix, or both. */
function fixPrTitle(section, lint) {
    const deps = section?.fixes.some(f => f.verified) ?? false;
    const lints = lint?.status === 'verified';
    return deps && lints ? BOTH_TITLE : lints ? LINT_TITLE : FIX_PR_TITLE;
}
function fixPrBody(section, lint = null) {
    const out = [MARKER$1];
    if (section?.fixes.some(f => f.verified)) {
        out.push('build-gate found dependency conflicts and verified these changes in a scratch copy of the workspace:', 'each conflict is gone, no new conflict appears, and `cargo check` and the test build pass.', '');
        for (const f of section.fixes.filter(x => x.verified)) {
            const where = f.kind === 'lock' ? 'Cargo.lock' : f.manifest;
            out.push(`- **${f.crate} ${f.from} → ${f.to}** in \`${where}\``);
            out.push(`  - fixes: ${f.target.code} finding on \`${f.target.crate}\` ${f.target.version}`);
            if (f.command)
                out.push(`  - how: \`${f.command}\``);
            if (f.diff && f.kind === 'patch')
                out.push(`  - how: at line ${f.diff.line}, add \`${f.diff.after.split('\n').join(' ')}\``);
            else if (f.diff)
                out.push(`  - how: line ${f.diff.line}: \`${f.diff.before.trim()}\` → \`${f.diff.after.trim()}\``);
            const lock = f.lockChanges
                .map(c => `${c.name} ${c.from ?? '(new)'} → ${c.to ?? '(removed)'}`)
                .join(', ');
            out.push(`  - Cargo.lock: ${lock || 'unchanged'}`);
        }
    }
    if (lint?.status === 'verified') {
        const withDeps = out.length > 1;
        if (withDeps)
            out.push('');
        out.push(`build-gate applied rustc's machine-applicable suggestions with \`${lint.command.join(' ')}\` in a scratch copy`, 'of the workspace and verified the result: those warnings are gone, no new warning or error appears, and', `the test build passes.${withDeps ? ' Each kind of fix was verified on its own, against the gated commit.' : ''}`, '', '| crate | lint | file | warnings fixed |', '| --- | --- | --- | --- |', ...lint.fixed.map(f => `| ${f.crate} | \`${f.lint || '-'}\` | \`${f.file}\` | ${f.count} |`), '', `Files changed: ${lint.files.map(f => `\`${f.path}\``).join(', ')}`);
    }
    const left = section?.fixes.filter(x => !x.verified) ?? [];
    const blockers = section?.blockers ?? [];
    const lintLeft = lint && lint.status !== 'verified' ? lint : null;
    if (left.length || blockers.length || lintLeft) {
        out.push('', 'Not in this pull request:');
        for (const f of left)
            out.push(`- ${f.crate} ${f.from} → ${f.to}: not verified (${f.reason})`);
        for (const b of blockers)
            out.push(`- ${b.target.crate} ${b.target.version}: ${b.blockedBy}; to unblock: ${b.unblock}`);
        if (lintLeft) {
            const what = lintLeft.command.length ? `\`${lintLeft.command.join(' ')}\`` : 'cargo fix';
            out.push(`- ${what}: ${lintLeft.status === 'failed' ? 'could not run' : 'not verified'} (${lintLeft.reason})`);
            if (lintLeft.details.length)
                out.push('', '```', lintLeft.details.join('\n\n'), '```');
        }
    }
    return out.join('\n');
}

async function syncFixPr(inputs) {
    const { client, ctx, section, log } = inputs;
    const lint = inputs.lint ?? null;
    const verified = section?.fixes.filter(f => f.verified) ?? [];
    const skip = (note) => ({ mode: 'skipped', url: null, writes: 0, planned: [], note });
    if (ctx.pullRequest || !ctx.trusted)
        return skip(`no fix PR: ${ctx.trustReason}`);
    if (inputs.files.length === 0 || (verified.length === 0 && lint?.status !== 'verified'))
        return skip('no fix PR: no verified fix');
    if (!client || !ctx.owner || !ctx.repo || !ctx.sha)
        return skip('no fix PR: needs github-token, GITHUB_REPOSITORY and GITHUB_SHA');
    const repo = { owner: ctx.owner, repo: ctx.repo };
    const base = ctx.defaultBranch ?? ctx.ref?.replace(/^refs\/heads\//, '') ?? 'main';
    const files = inputs.files.map(f => ({ path: joinPath(inputs.repoPath, f.path), content: f.after }));
    const body = fixPrBody(section, lint);
    const planned = [];
    let writes = 0;
    const branchSha = await refSha(client, repo, `heads/${FIX_BRANCH}`);
    const current = branchSha ? await treeBlobs(client, repo, branchSha) : null;
    const branchUpToDate = current !== null && files.every(f => current.get(f.path) === gitBlobSha(f.content));
    const open = (await client.rest.pulls.list({
        ...repo,
        state: 'open',
        head: `${ctx.owner}:${FIX_BRANCH}`,
        base,
        per_page: 100
    })).data[0];
    if (!branchUpToDate)
        planned.push(`${branchSha ? 'update' : 'create'} branch ${FIX_BRANCH} with ${files.map(f => f.path).join(', ')}`);
    if (!open)
        planned.push(`open a pull request ${FIX_BRANCH} → ${base}`);
    else if ((open.body ?? '') !== body)
        planned.push(`update the body of pull request #${open.number}`);
    if (planned.length === 0)
        return { mode: 'unchanged', url: open.html_url, writes: 0, planned, note: 'the fix PR is up to date' };
    if (inputs.dryRun) {
        for (const p of planned)
            log(`[dry-run] would ${p}`);
        return {
            mode: 'dry-run',
            url: open?.html_url ?? null,
            writes: 0,
            planned,
            note: 'dry-run: planned, not written'
        };
    }
    try {
        if (!branchUpToDate) {
            const baseTree = (await client.rest.git.getCommit({ ...repo, commit_sha: ctx.sha })).data.tree.sha;
            const tree = [];
            for (const f of files) {
                const blob = await client.rest.git.createBlob({
                    ...repo,
                    content: Buffer.from(f.content).toString('base64'),
                    encoding: 'base64'
                });
                writes++;
                tree.push({ path: f.path, mode: '100644', type: 'blob', sha: blob.data.sha });
            }
            const newTree = await client.rest.git.createTree({ ...repo, base_tree: baseTree, tree });
            const commit = await client.rest.git.createCommit({
                ...repo,
                message: commitMessage(verified, lint),
                tree: newTree.data.sha,
                parents: [ctx.sha]
            });
            writes += 2;
            // The branch is build-gate's own: it is rebuilt on the gated commit, so it is moved by force.
            if (branchSha)
                await client.rest.git.updateRef({
                    ...repo,
                    ref: `heads/${FIX_BRANCH}`,
                    sha: commit.data.sha,
                    force: true
                });
            else
                await client.rest.git.createRef({ ...repo, ref: `refs/heads/${FIX_BRANCH}`, sha: commit.data.sha });
            writes++;
            log(`fix PR: branch ${FIX_BRANCH} at ${commit.data.sha}`);
        }
        if (open) {
            if ((open.body ?? '') !== body) {
                await client.rest.pulls.update({ ...repo, pull_number: open.number, body });
                writes++;
            }
            return {
                mode: 'updated',
                url: open.html_url,
                writes,
                planned,
                note: `updated pull request #${open.number}`
            };
        }
        const created = await client.rest.pulls.create({
            ...repo,
            title: fixPrTitle(section, lint),
            head: FIX_BRANCH,
            base,
            body
        });
        writes++;
        return {
            mode: 'created',
            url: created.data.html_url,
            writes,
            planned,
            note: `opened pull request #${created.data.number}`
        };
    }
    catch (e) {
        if (e.status !== 403)
            throw e;
        return {
            mode: 'report-only',
            url: open?.html_url ?? null,
            writes,
            planned,
            note: 'the token may not write (HTTP 403): the fixes are in the summary only; give the workflow `contents: write` and `pull-requests: write`'
        };
    }
}
function commitMessage(verified, lint) {
    const deps = verified.map(f => `${f.crate} ${f.from} -> ${f.to} (${f.target.code} ${f.target.crate} ${f.target.version})`);
    const lints = lint?.status === 'verified'
        ? lint.fixed.map(f => `${f.crate}: ${f.lint || '-'} in ${f.file} (${f.count})`)
        : [];
    const title = deps.length && lints.length
        ? "Fix dependency conflicts, apply rustc's machine-applicable fixes"
        : deps.length
            ? 'Fix dependency conflicts'
            : `Apply rustc's machine-applicable fixes (${lint?.command.join(' ') ?? 'cargo fix'})`;
    return `${title}\n\n${[...deps, ...lints].join('\n')}`;
}
async function refSha(client, repo, ref) {
    try {
        return (await client.rest.git.getRef({ ...repo, ref })).data.object.sha;
    }
    catch (e) {
        if (e.status === 404)
            return null;
        throw e;
    }
}
/** path → blob sha of every file in the commit's tree. */
async function treeBlobs(client, repo, commitSha) {
    const tree = (await client.rest.git.getCommit({ ...repo, commit_sha: commitSha })).data.tree.sha;
    const { data } = await client.rest.git.getTree({ ...repo, tree_sha: tree, recursive: '1' });
    return new Map(data.tree.filter(e => e.type === 'blob' && e.path && e.sha).map(e => [e.path, e.sha]));
}
function joinPath(prefix, rel) {
    const p = prefix.replace(/\\/g, '/').replace(/^\.\/?|\/$/g, '');
    return p ? `${p}/${rel}` : rel;
}

// fix-pr: after the verdict is published, the verified fixes of this job's search go to one branch and
// one pull request (pr.ts). Trusted runs only; adds no finding.
/** The workspace's place in the repository: its root under the checkout ('' at the top). */
function repoPathOf$1(root) {
    const rel = path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), root);
    return rel.startsWith('..') || path.isAbsolute(rel) ? '' : rel.split(path.sep).join('/');
}
const fixPr = {
    name: 'fix-pr',
    stage: 'sync',
    inputs: [
        {
            name: 'fix-pr',
            default: 'false',
            description: "On trusted runs, push the verified fixes to the branch `build-gate/fix-dependencies` and open (or update) one pull request: the dependency fixes, and rustc's and clippy's machine-applicable suggestions applied by `cargo fix` (`cargo clippy --fix` with `clippy: true`) in a scratch copy and verified there. Needs `contents: write` and `pull-requests: write`."
        }
    ],
    parse: p => ({ fixPr: p.bool('fix-pr') }),
    codes: {},
    outputs: [
        {
            name: 'fix-pr',
            description: 'URL of the fix pull request, when one was opened or updated (or is up to date).',
            value: r => r.fixPr?.url ?? null
        }
    ],
    async sync(ports, config) {
        const section = ports.report.fixes ?? null;
        const lint = ports.report.lintFixes ?? null;
        if (!config.fixPr || (!section && !lint))
            return { section: {}, findings: [] };
        const depFiles = section ? filesOf(section) : [];
        const lintFiles = lint?.status === 'verified' ? filesOf(lint) : [];
        const files = depFiles && lintFiles ? [...depFiles, ...lintFiles] : null;
        const outcome = files
            ? await syncFixPr({
                client: ports.github,
                ctx: ports.ctx,
                section,
                lint,
                files,
                repoPath: repoPathOf$1(ports.report.workspace.root),
                dryRun: config.dryRun,
                log: ports.log
            })
            : {
                mode: 'skipped',
                url: null,
                writes: 0,
                planned: [],
                note: 'no fix PR: the fix search did not run in this job'
            };
        ports.log(`fix PR: ${outcome.note}${outcome.url ? ` (${outcome.url})` : ''}`);
        return { section: { fixPr: outcome }, findings: [] };
    },
    markdown: r => {
        const pr = r.fixPr;
        if (!pr || pr.mode === 'skipped')
            return null;
        const planned = pr.planned.map(p => `- ${pr.mode === 'dry-run' ? 'would ' : ''}${p}`);
        return ['### Fix pull request', '', `${pr.url ? `${pr.url}: ` : ''}${pr.note}.`, '', ...planned, ''].join('\n');
    },
    terminal: r => r.fixPr && r.fixPr.mode !== 'skipped' ? [`Fix PR: ${r.fixPr.url ?? '-'} (${r.fixPr.note})`] : []
};

// Which issue each flaky test has, in the job summary, the PR comment and the terminal, with links.
const DONE = {
    opened: 'opened',
    commented: 'commented on',
    reopened: 'reopened',
    recorded: 'already records this run:',
    'left-closed': 'left closed (closed as not planned):',
    'not-written': 'no issue written'
};
function flakyIssuesMarkdown(s) {
    if (!s || s.issues.length === 0)
        return null;
    const items = s.issues.map(i => {
        const link = i.number ? ` <a href="${escapeHtml(i.url ?? '')}">#${i.number}</a>` : '';
        return `<li>${escapeHtml(i.test)}: ${escapeHtml(DONE[i.action])}${link}</li>`;
    });
    return [
        '<p><strong>Flaky-test issues</strong></p>',
        `<ul>${items.join('')}</ul>`,
        `<p>${inlineHtml(noteLine(s))}</p>`
    ].join('\n');
}
function flakyIssuesText(s) {
    if (!s || s.issues.length === 0)
        return [];
    return [
        'Flaky-test issues:',
        ...s.issues.map(i => `  ${i.test}: ${DONE[i.action]}${i.number ? ` #${i.number} (${i.url})` : ''}`),
        `  ${noteLine(s)}`
    ];
}
function noteLine(s) {
    const head = s.mode === 'report-only' ? `Report only: ${s.note}` : s.note;
    return s.error ? `${head}. ${s.error}` : head;
}

const SOURCE$3 = 'tests';
const UNKNOWN = '(unknown)';
function testFindings(report, config) {
    const out = [];
    const { tests } = report;
    if (tests.notRun)
        out.push({
            code: 'tests-not-run',
            severity: 'warn',
            message: `tests did not run: ${tests.notRun}`,
            source: SOURCE$3
        });
    for (const why of tests.untrusted ?? [])
        out.push({ code: 'phase-untrusted', severity: 'block', message: `cargo test: ${why}`, source: SOURCE$3 });
    if (tests.ran && tests.failed > 0)
        out.push(...failedFindings(tests.failed, tests.failures));
    out.push(...flakyFindings(tests.flaky ?? [], config.flakyTests ?? 'warn'));
    if (tests.retries?.skipped)
        out.push({ code: 'tests-not-retried', severity: 'warn', message: tests.retries.skipped, source: SOURCE$3 });
    // A test gate that tested nothing says so: e.g. test-args that select members with `test = false`.
    if (tests.ran && tests.passed + tests.failed + tests.ignored === 0 && !tests.untrusted?.length)
        out.push({
            code: 'tests-none',
            severity: 'warn',
            message: 'cargo test ran no test: the selected members have none (check test-args)',
            source: SOURCE$3
        });
    if (!config.runTests && report.shard?.members.length !== 0)
        out.push({
            code: 'tests-skipped',
            severity: 'warn',
            message: 'tests were not run (run-tests: false)',
            source: SOURCE$3
        });
    return out;
}
/** One finding per crate with failing tests, naming up to five; all of them read as one reason. */
function failedFindings(failed, failures) {
    const named = (list) => {
        const names = list.slice(0, 5).map(t => `${t.crate}: ${t.name}`);
        const more = list.length > 5 ? `, and ${list.length - 5} more` : '';
        return `${names.join('; ')}${more}`;
    };
    const summary = `${plural(failed, 'test')} failed (${named(failures)})`;
    const base = { code: 'tests-failed', severity: 'block', summary, source: SOURCE$3 };
    const crates = [...new Set(failures.map(f => f.crate))];
    const out = crates.map(crate => {
        const own = failures.filter(f => f.crate === crate);
        const message = `${plural(own.length, 'test')} failed in ${crate} (${named(own)})`;
        // A binary the gate could not attribute is in no crate.
        return crate === UNKNOWN ? { ...base, message } : { ...base, message, crate };
    });
    // Failures counted but not listed (a report edited, or one that lost them) still count.
    if (failures.length < failed)
        out.push({
            ...base,
            message: `${plural(failed - failures.length, 'test')} failed that the report does not list`
        });
    return out;
}
const FLAKY_SEVERITY = { warn: 'warn', deny: 'block', allow: 'allowed' };
/** When a flaky test passed: "retry 1 of 2". */
function passedOn(t) {
    return `retry ${t.attempts - 1} of ${t.retries}`;
}
/**
 * One finding per crate with flaky tests, read as one reason:
 * "1 flaky test (failed, then passed on retry 1 of 2): toka-kernel tests::registry_cleanup".
 */
function flakyFindings(flaky, policy) {
    if (flaky.length === 0)
        return [];
    const named = (list, when) => list
        .slice(0, 5)
        .map(t => `${t.crate} ${t.name}${when ? ` (${passedOn(t)})` : ''}`)
        .join('; ') + (list.length > 5 ? `, and ${list.length - 5} more` : '');
    const one = flaky.length === 1;
    const summary = one
        ? `1 flaky test (failed, then passed on ${passedOn(flaky[0])}): ${named(flaky, false)}`
        : `${flaky.length} flaky tests (failed, then passed on a retry): ${named(flaky, true)}`;
    const base = { code: 'tests-flaky', severity: FLAKY_SEVERITY[policy], summary, source: SOURCE$3 };
    return [...new Set(flaky.map(t => t.crate))].map(crate => {
        const own = flaky.filter(t => t.crate === crate);
        const message = `${plural(own.length, 'flaky test')} in ${crate} (failed, then passed when run again): ${named(own, true)}`;
        return crate === UNKNOWN ? { ...base, message } : { ...base, message, crate };
    });
}

// A failing test's backtrace, as people need it: the frames of their own code. The standard library's
// frames (`at /rustc/<commit>/library/…`, or std/core/alloc symbols with no location) are left out and
// counted, so the test's own frames are not lost among them.
const FRAME = /^\s*\d+: (.*)$/;
const AT = /^\s+at (.*)$/;
const STD_SYMBOL = /^(?:<.*? as )?(?:std|core|alloc|test)::|^(?:__rustc::)?rust_begin_unwind$|^__rust/;
/** `text` without the standard library's backtrace frames, and a line saying how many were left out. */
function withoutStdFrames(text) {
    const lines = text.split('\n');
    const out = [];
    let dropped = 0;
    for (let i = 0; i < lines.length; i++) {
        const frame = FRAME.exec(lines[i]);
        if (!frame) {
            out.push(lines[i]);
            continue;
        }
        let end = i + 1;
        while (end < lines.length && AT.test(lines[end]))
            end++;
        const at = lines.slice(i + 1, end).map(l => AT.exec(l)[1]);
        const std = at.length > 0 ? at.every(a => a.startsWith('/rustc/')) : STD_SYMBOL.test(frame[1].trim());
        if (std)
            dropped++;
        else
            out.push(...lines.slice(i, end));
        i = end - 1;
    }
    if (dropped === 0)
        return text;
    const note = `(${dropped} frame${dropped === 1 ? '' : 's'} of the standard library left out)`;
    // After the backtrace, before libtest's own `note:` line when there is one.
    let last = out.length - 1;
    while (last >= 0 &&
        !(FRAME.test(out[last]) || AT.test(out[last]) || out[last].startsWith('stack backtrace:')))
        last--;
    out.splice(last + 1, 0, note);
    return out.join('\n');
}

const CURRENT = /panicked at (.+?):(\d+):(\d+):?\s*$/m;
const OLD = /panicked at '.*', (.+?):(\d+):(\d+)\s*$/m;
const DOC_TEST = /^(.+?) - .* \(line (\d+)\)$/;
function panicLocation(failure) {
    if (failure.target === 'doc') {
        const doc = DOC_TEST.exec(failure.name);
        return doc ? { file: doc[1], line: Number(doc[2]), column: null } : null;
    }
    for (const text of [failure.output, failure.message]) {
        if (!text)
            continue;
        const m = OLD.exec(text) ?? CURRENT.exec(text);
        if (m)
            return { file: m[1], line: Number(m[2]), column: Number(m[3]) };
    }
    return null;
}

// The failing tests where people look: a table and, for the first ones, where each panicked and what it
// printed (job summary, PR comment); a list in the terminal; an annotation at each panic.
function testsMarkdown(report, links) {
    const parts = [failingMarkdown(report, links), flakyMarkdown(report, links), retriesMarkdown(report)];
    const shown = parts.filter((p) => p !== null);
    return shown.length > 0 ? shown.join('\n\n') : null;
}
function failingMarkdown(report, links) {
    const failures = report.tests.failures;
    if (failures.length === 0)
        return null;
    const table = htmlTable(['crate', 'target', 'test', 'message'], failures.slice(0, 50).map(f => [f.crate, f.target, f.name + runs(f), f.message ?? '']));
    return ['<h3>Failing tests</h3>', table, '', failuresMarkdown(report, links)].join('\n');
}
/** " (failed all 3 runs)" for a failure that was retried. */
function runs(f) {
    return f.attempts ? ` (failed all ${f.attempts} runs)` : '';
}
/** Each flaky test, with its first failure's output folded and a link to where it panicked. */
function flakyMarkdown(report, links, max = SUMMARY_DETAILS) {
    const flaky = report.tests.flaky ?? [];
    if (flaky.length === 0)
        return null;
    const out = [
        `<h3>Flaky tests</h3>`,
        '',
        `${flakyCount(flaky.length)} (failed, then passed when run again):`,
        ''
    ];
    for (const t of flaky.slice(0, max)) {
        const first = { ...t, ...t.firstFailure };
        const at = panicLocation(first);
        const where = at ? repositoryPath(report.workspace.root, at.file, links.repoRoot) : null;
        const title = `${t.crate} ${t.name} — failed, then passed on ${passedOn(t)}${t.firstFailure.message ? `: ${firstLine(t.firstFailure.message)}` : ''}`;
        out.push(`<details><summary>${inlineHtml(title)}</summary>`, '');
        out.push(...lineLink(links, where, at?.line));
        const text = trimEnd(t.firstFailure.output ?? t.firstFailure.message ?? '');
        if (text)
            out.push(...fenced(text), '');
        out.push('</details>', '');
    }
    if (flaky.length > max)
        out.push(`${flaky.length - max} more in the report.`, '');
    return out.join('\n').trimEnd();
}
function retriesMarkdown(report) {
    const r = report.tests.retries;
    if (!r || (!r.skipped && r.notes.length === 0))
        return null;
    const lines = r.skipped ? [r.skipped] : r.notes;
    return ['<p><strong>Retries</strong></p>', htmlList(lines)].join('\n');
}
function flakyCount(n) {
    return n === 1 ? '1 flaky test' : `${n} flaky tests`;
}
/** The first failing tests, each with a link to where it panicked and what it printed. */
function failuresMarkdown(report, links, max = SUMMARY_DETAILS) {
    const failures = report.tests.failures;
    const out = ['### Where the tests failed', ''];
    for (const f of failures.slice(0, max)) {
        const at = panicLocation(f);
        const where = at ? repositoryPath(report.workspace.root, at.file, links.repoRoot) : null;
        const title = `${f.crate}: ${f.name}${f.message ? ` — ${firstLine(f.message)}` : ''}`;
        out.push(`<details><summary>${inlineHtml(title)}</summary>`, '');
        out.push(...lineLink(links, where, at?.line));
        const text = withoutStdFrames(trimEnd(f.output ?? f.message ?? ''));
        if (text)
            out.push(...fenced(text), '');
        out.push('</details>', '');
    }
    if (failures.length > max)
        out.push(`${failures.length - max} more in the report.`, '');
    return out.join('\n').trimEnd();
}
/** Lines of a failing test's output the terminal shows: its end, where the panic and its values are. */
const TAIL_LINES = 30;
/**
 * The terminal's lead, as libtest prints a failure: each failing test's captured output (the panic, the
 * assertion's `left`/`right`, the test's own frames), its last lines, for the first failing tests.
 */
function failureOutputs(report) {
    const failures = report.tests.failures;
    const out = [];
    for (const f of failures.slice(0, SUMMARY_DETAILS)) {
        const text = withoutStdFrames(trimEnd(f.output ?? f.message ?? '').replace(/^\n+/, ''));
        if (!text)
            continue;
        const lines = text.split('\n');
        const cut = lines.length - TAIL_LINES;
        out.push(`---- ${f.crate} [${f.target}] ${f.name} ----`);
        if (cut > 0)
            out.push(`[… ${cut} earlier line${cut === 1 ? '' : 's'}]`);
        out.push(...lines.slice(Math.max(0, cut)), '');
    }
    if (failures.length > SUMMARY_DETAILS)
        out.push(`The output of ${failures.length - SUMMARY_DETAILS} more failing test(s) is in the report.`, '');
    return out;
}
function testsText(report) {
    const out = [];
    if (report.tests.failures.length > 0)
        out.push('Failing tests:');
    for (const f of report.tests.failures) {
        out.push(`  ${f.crate} [${f.target}] ${f.name}${runs(f)}${f.message ? `: ${f.message.split('\n')[0]}` : ''}${at$1(f)}`);
    }
    const flaky = report.tests.flaky ?? [];
    if (flaky.length > 0)
        out.push(`${flakyCount(flaky.length)} (failed, then passed when run again):`);
    for (const t of flaky) {
        const m = t.firstFailure.message;
        out.push(`  ${t.crate} [${t.target}] ${t.name}: passed on ${passedOn(t)}${m ? `; first failure: ${m.split('\n')[0]}` : ''}${at$1({ ...t, ...t.firstFailure })}`);
    }
    if (report.tests.retries?.skipped)
        out.push(`Not retried: ${report.tests.retries.skipped}`);
    for (const note of report.tests.retries?.notes ?? [])
        out.push(`Retry: ${note}`);
    return out;
}
function at$1(f) {
    const p = panicLocation(f);
    return p ? ` (at ${p.file}:${p.line}${p.column ? `:${p.column}` : ''})` : '';
}
/** One error at each failing test's panic location, one warning at each flaky test's first (where known). */
function panicAnnotations(report, repoRoot) {
    const out = [];
    for (const t of report.tests.flaky ?? []) {
        const p = panicLocation({ ...t, ...t.firstFailure });
        if (!p)
            continue;
        out.push({
            level: 'warning',
            title: `${t.crate}: test ${t.name} is flaky (failed, then passed on ${passedOn(t)})`,
            message: t.firstFailure.message ?? 'the test failed, then passed when run again',
            file: annotationPath(repoRoot, report.workspace.root, p.file),
            startLine: p.line,
            endLine: p.line,
            ...(p.column ? { startColumn: p.column, endColumn: p.column } : {})
        });
    }
    for (const f of report.tests.failures) {
        const at = panicLocation(f);
        if (!at)
            continue;
        out.push({
            level: 'error',
            title: `${f.crate}: test ${f.name} failed`,
            message: f.message ?? 'the test failed',
            file: annotationPath(repoRoot, report.workspace.root, at.file),
            startLine: at.line,
            endLine: at.line,
            ...(at.column ? { startColumn: at.column, endColumn: at.column } : {})
        });
    }
    return out;
}

// Targets built with `harness = false`: their binaries print no libtest suite, and cargo judges them
// by exit status alone. `cargo metadata` does not say which they are, so the manifests do.
/** `${packageId}\u0000${targetName}` of every target that declares `harness = false`. */
function harnessFreeTargets(members, read = readManifest) {
    const out = new Set();
    for (const pkg of members) {
        const manifest = read(pkg.manifest_path);
        if (!manifest)
            continue;
        const lib = isTarget(manifest.lib) ? manifest.lib : null;
        if (lib?.harness === false && typeof lib.name !== 'string') {
            const target = pkg.targets.find(t => t.kind.some(k => k.endsWith('lib') || k === 'proc-macro'));
            if (target)
                out.add(`${pkg.id}\u0000${target.name}`);
        }
        const declared = [
            ...(lib ? [lib] : []),
            ...['bin', 'test', 'bench', 'example'].flatMap(k => Array.isArray(manifest[k]) ? manifest[k].filter(isTarget) : [])
        ];
        for (const d of declared) {
            if (d.harness !== false)
                continue;
            const src = typeof d.path === 'string' ? path.resolve(path.dirname(pkg.manifest_path), d.path) : null;
            const target = pkg.targets.find(t => (typeof d.name === 'string' && t.name === d.name.replace(/-/g, '_')) ||
                t.name === d.name ||
                (src && t.src_path === src));
            if (target)
                out.add(`${pkg.id}\u0000${target.name}`);
        }
    }
    return out;
}
function isTarget(v) {
    return !!v && typeof v === 'object' && !Array.isArray(v);
}
function readManifest(file) {
    try {
        return parse(readFileSync(file, 'utf8'));
    }
    catch {
        return null; // cargo metadata already read it; a target we cannot see stays a libtest target.
    }
}

// libtest's JSON events (`-Z unstable-options --format json`, enabled on stable by RUSTC_BOOTSTRAP=1
// for the test run only). cargo runs the test binaries one after another; each prints one suite on
// stdout and is announced on stderr (`Running …` / `Doc-tests …`), so suites pair with binaries by order.
//
// A test's own output is not libtest's: captured output travels inside an event's `stdout` field, and
// anything that leaks to fd 1 (--nocapture, a child process, a raw write) is at most a stray line.
// Human-readable lines (`test result: ok. 999 passed`) are never read. A stray line that looks like an
// event breaks the suite's own bookkeeping (a test finished twice or never started, counts that do not
// add up to `test_count`), which makes the suite untrusted instead of changing its tally.
const OUTCOMES = { ok: 'ok', failed: 'failed', ignored: 'ignored' };
/** Reads libtest's JSON suites from the test run's stdout, line by line. */
class LibtestJsonReader {
    suites = [];
    /** Events that arrived outside any suite (a test printing libtest-like JSON between binaries). */
    orphans = [];
    current = null;
    push(line) {
        const event = parseEvent(line);
        if (!event)
            return;
        if (event.type === 'suite' && event.event === 'started') {
            if (this.current)
                this.current.anomalies.push('a new suite started before this one finished');
            const count = event.test_count;
            this.current = {
                testCount: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : -1,
                tests: [],
                summary: null,
                anomalies: []
            };
            this.suites.push(this.current);
            return;
        }
        const suite = this.current;
        if (!suite) {
            if (event.type === 'suite' || event.type === 'test')
                this.orphans.push(line.slice(0, 200));
            return;
        }
        if (event.type === 'suite')
            this.finishSuite(suite, event);
        else if (event.type === 'test')
            this.testEvent(suite, event);
    }
    finishSuite(suite, event) {
        const n = (k) => (typeof event[k] === 'number' ? event[k] : NaN);
        if (event.event !== 'ok' && event.event !== 'failed') {
            suite.anomalies.push(`unknown suite event ${JSON.stringify(event.event)}`);
            return;
        }
        const seconds = n('exec_time');
        suite.summary = {
            ok: event.event === 'ok',
            passed: n('passed'),
            failed: n('failed'),
            ignored: n('ignored'),
            measured: n('measured'),
            seconds: Number.isFinite(seconds) ? Math.round(seconds * 1000) / 1000 : null
        };
        this.current = null;
    }
    testEvent(suite, event) {
        const name = typeof event.name === 'string' ? event.name : null;
        if (name === null) {
            suite.anomalies.push('a test event without a name');
            return;
        }
        const test = suite.tests.find(t => t.name === name);
        if (event.event === 'started') {
            if (test)
                suite.anomalies.push(`test ${name} started twice`);
            else
                suite.tests.push({ name, outcome: null, stdout: null });
            return;
        }
        // `timeout` warns that a test runs for over 60 s; it is not an outcome.
        if (event.event === 'timeout')
            return;
        const outcome = OUTCOMES[event.event];
        if (!outcome) {
            suite.anomalies.push(`test ${name}: unknown event ${JSON.stringify(event.event)}`);
            return;
        }
        if (!test)
            suite.anomalies.push(`test ${name} finished without having started`);
        else if (test.outcome) {
            suite.anomalies.push(`test ${name} finished twice`);
            // One of the two is not libtest's; which, cannot be told: keep the failure (fail closed).
            if (outcome === 'failed')
                Object.assign(test, { outcome, stdout: stdoutOf(event) });
        }
        else {
            test.outcome = outcome;
            test.stdout = stdoutOf(event);
        }
    }
}
function stdoutOf(event) {
    return typeof event.stdout === 'string' ? event.stdout : null;
}
/** An object with libtest's `type` and `event` keys, else null (a test's own output). */
function parseEvent(line) {
    const text = line.trim();
    if (!text.startsWith('{') || !text.includes('"type"'))
        return null;
    try {
        const v = JSON.parse(text);
        if (!v || typeof v !== 'object' || Array.isArray(v))
            return null;
        const e = v;
        return typeof e.type === 'string' && typeof e.event === 'string' ? e : null;
    }
    catch {
        return null;
    }
}
/**
 * What is wrong with a finished suite's bookkeeping, or null: every started test finished once, the
 * tally of the test events is the one libtest closed with, and it adds up to the announced test count.
 */
function suiteInconsistency(suite) {
    if (suite.anomalies.length > 0)
        return suite.anomalies[0];
    const s = suite.summary;
    if (!s)
        return null;
    const count = (o) => suite.tests.filter(t => t.outcome === o).length;
    const unfinished = suite.tests.find(t => t.outcome === null);
    if (unfinished)
        return `test ${unfinished.name} never finished`;
    const own = { passed: count('ok'), failed: count('failed'), ignored: count('ignored') };
    if (own.passed !== s.passed || own.failed !== s.failed || own.ignored !== s.ignored)
        return `the suite reported ${s.passed} passed, ${s.failed} failed, ${s.ignored} ignored, but its tests ${own.passed}, ${own.failed}, ${own.ignored}`;
    if (s.passed + s.failed + s.ignored + s.measured !== suite.testCount)
        return `the suite announced ${suite.testCount} tests and reported ${s.passed + s.failed + s.ignored + s.measured}`;
    if (s.ok !== (s.failed === 0))
        return `the suite reported ${s.ok ? 'ok' : 'failed'} with ${s.failed} failures`;
    return null;
}
const RUNNING_BINARY = /^\s*Running (?:unittests )?(.+?) \((.+)\)\s*$/;
const DOC_TESTS = /^\s*Doc-tests (\S+)\s*$/;
/** Reads which binary runs next from cargo test's stderr. */
function binaryIdentity(line) {
    const running = RUNNING_BINARY.exec(line);
    if (running)
        return { kind: 'running', source: running[1], executable: running[2] };
    const doc = DOC_TESTS.exec(line);
    if (doc)
        return { kind: 'doc', crateName: doc[1] };
    return null;
}
const RERUN = /^error: (?:test|doctest) failed, to rerun pass `(.+)`\s*$/;
/**
 * cargo's own word that a test target failed (`error: test failed, to rerun pass \`-p app --lib\``),
 * printed on stderr after the binary exits, as `-p <package> --lib|--doc|--<kind> <name>`.
 */
function failedTarget(line) {
    const m = RERUN.exec(line);
    return m ? m[1].trim() : null;
}
/**
 * What one `cargo test` run says, read as it comes: libtest's events on stdout; on stderr, which binary
 * runs next and the targets cargo says failed. The test run and each retry read it the same way.
 */
function testRunReader() {
    const libtest = new LibtestJsonReader();
    const identities = [];
    const failedTargets = [];
    return {
        onOtherStdout: (line) => libtest.push(line),
        onStderr: (line) => {
            const id = binaryIdentity(line);
            if (id)
                identities.push(id);
            const failed = failedTarget(line);
            if (failed)
                failedTargets.push(failed);
        },
        read: () => ({ suites: libtest.suites, orphans: libtest.orphans, identities, failedTargets })
    };
}
/**
 * The panic message of a failing test, as a user reads it: the lines after `panicked at file:l:c:`
 * (or the quoted message of the pre-1.73 format), else the first meaningful line of its output.
 */
function panicMessage(output) {
    for (let i = 0; i < output.length; i++) {
        const line = output[i];
        const old = /panicked at '(.*)', \S+:\d+:\d+$/.exec(line);
        if (old)
            return old[1];
        if (/panicked at .+:\d+:\d+:$/.test(line)) {
            const message = [];
            for (const next of output.slice(i + 1)) {
                if (next === '' || next.startsWith('note: ') || next.startsWith('stack backtrace:'))
                    break;
                message.push(next);
            }
            return message.join('\n') || null;
        }
    }
    const first = output.map(l => l.trim()).find(l => l !== '' && !l.startsWith('stack backtrace'));
    return first ?? null;
}

// A failing test's captured output can be megabytes (a chatty test, a dumped fixture): the report,
// the summary and the annotations need its end, where the panic is, not all of it.
/** Characters of a failure's output kept in the report. */
const FAILURE_OUTPUT_LIMIT = 64 * 1024;
/** The end of `text` within `limit` characters, from a line start, after a note of what was left out. */
function outputTail(text, limit = FAILURE_OUTPUT_LIMIT) {
    if (text.length <= limit)
        return text;
    const cut = text.length - limit;
    const lineStart = text.indexOf('\n', cut);
    const from = lineStart === -1 || lineStart - cut > limit / 2 ? cut : lineStart + 1;
    return `[… ${from} earlier characters of output left out]\n${text.slice(from)}`;
}

// Pairs libtest suites with the binaries cargo announced, attributes each to a workspace crate, and
// cross-checks every binary against cargo's own verdict on it (the `to rerun pass …` lines).
function resolveTests(read, meta) {
    const section = {
        ran: true,
        passed: 0,
        failed: 0,
        ignored: 0,
        failures: [],
        binaries: [],
        untrusted: []
    };
    const failedSpecs = new Set(read.failedTargets.map(normalizeSpec));
    const paired = pairSuites(read, meta);
    for (const { bin, suite } of paired) {
        const cargoSaysFailed = bin.spec !== null && cargoNamed(failedSpecs, bin.spec);
        if (bin.harnessFree) {
            // No libtest inside: the binary's exit status, as cargo reports it, is the whole result.
            addBinary(section, bin, { passed: cargoSaysFailed ? 0 : 1, failed: cargoSaysFailed ? 1 : 0, ignored: 0 }, true, null);
            if (cargoSaysFailed)
                section.failures.push({
                    ...where(bin),
                    name: '(test binary)',
                    message: 'the harness = false test binary exited with a failure'
                });
            continue;
        }
        judgeSuite(section, bin, suite, cargoSaysFailed, read.killed ?? null);
    }
    const extra = read.suites.length - paired.filter(p => !p.bin.harnessFree).length;
    if (extra > 0)
        section.untrusted.push(`libtest printed ${extra} more suite(s) than cargo ran test binaries: a test printed libtest events of its own`);
    if (read.orphans.length > 0)
        section.untrusted.push(`${read.orphans.length} libtest event(s) outside any test binary's suite (first: ${read.orphans[0]}): a test printed libtest events of its own`);
    return section;
}
/** Each binary cargo announced, with the libtest suite it printed (in order; none for harness = false). */
function pairSuites(read, meta) {
    let next = 0;
    return read.identities.map(id => {
        const bin = identify(id, read, meta);
        return { bin, suite: bin.harnessFree ? null : (read.suites[next++] ?? null) };
    });
}
/** cargo leaves out `-p <package>` when only one package is selected: the target alone then names it. */
function cargoNamed(failedSpecs, spec) {
    return failedSpecs.has(spec) || failedSpecs.has(spec.replace(/^-p \S+ /, ''));
}
function judgeSuite(section, bin, suite, cargoSaysFailed, killed) {
    if (!suite) {
        addBinary(section, bin, { passed: 0, failed: 1, ignored: 0 }, false, null);
        section.failures.push({
            ...where(bin),
            name: '(test binary)',
            message: 'the test binary produced no libtest output'
        });
        return;
    }
    const count = (o) => suite.tests.filter(t => t.outcome === o).length;
    const tally = { passed: count('ok'), failed: count('failed'), ignored: count('ignored') };
    for (const t of suite.tests)
        if (t.outcome === 'failed')
            section.failures.push({
                ...where(bin),
                name: t.name,
                message: panicMessage((t.stdout ?? '').split('\n')),
                // The panic location (annotations, summary links) is read from it.
                output: t.stdout ? outputTail(t.stdout) : null
            });
    if (!suite.summary) {
        // Crashed or killed mid-run: the test that was running when it stopped is the one to look at.
        const running = [...suite.tests].reverse().find(t => t.outcome === null);
        const finished = suite.tests.filter(t => t.outcome !== null).length;
        tally.failed++;
        section.failures.push({
            ...where(bin),
            name: running?.name ?? '(test binary)',
            message: `${killed ? `the test run was stopped: ${killed}` : 'the test binary stopped before reporting its result (crashed or killed)'}${running ? ` while running ${running.name}` : ''}`,
            // The tests it never finished besides this one (an unknown count is one: fail closed).
            stopped: {
                unfinished: suite.testCount < 0 ? 1 : Math.max(0, suite.testCount - finished - (running ? 1 : 0))
            }
        });
        addBinary(section, bin, tally, false, null);
        return;
    }
    const odd = suiteInconsistency(suite);
    if (odd)
        section.untrusted.push(`${bin.crate} ${bin.target}: libtest's output cannot be trusted (${odd})`);
    else if (bin.spec !== null && cargoSaysFailed !== tally.failed > 0) {
        if (cargoSaysFailed) {
            // libtest said all passed, yet the binary failed (e.g. it exited non-zero after the tests).
            tally.failed++;
            section.failures.push({
                ...where(bin),
                name: '(test binary)',
                message: 'cargo reports the test binary failed although every test passed (it exited with a failure)'
            });
        }
        else
            section.untrusted.push(`${bin.crate} ${bin.target}: libtest reported ${tally.failed} failure(s) but cargo says the binary passed`);
    }
    addBinary(section, bin, tally, true, suite.summary.seconds);
}
function addBinary(section, bin, tally, finished, seconds) {
    section.binaries.push({
        ...where(bin),
        ...tally,
        finished,
        seconds,
        ...(bin.harnessFree ? { harness: false } : {})
    });
    section.passed += tally.passed;
    section.failed += tally.failed;
    section.ignored += tally.ignored;
}
function where(bin) {
    return { crate: bin.crate, target: bin.target };
}
/** cargo writes `-p name@1.0.0` when a name is ambiguous; the version is not needed to match. */
function normalizeSpec(spec) {
    return spec.replace(/^-p (\S+?)(?:@\S+)? /, '-p $1 ').replace(/\s+/g, ' ');
}
function identify(id, read, meta) {
    const members = workspaceMembers(meta);
    if (id.kind === 'doc') {
        const owner = members.find(m => m.targets.some(t => t.name === id.crateName && t.kind.some(k => k.endsWith('lib') || k === 'proc-macro')));
        const crate = owner?.name ?? id.crateName;
        return { crate, target: 'doc', spec: owner ? `-p ${crate} --doc` : null, harnessFree: false };
    }
    const artifact = read.artifacts.find(a => a.executable && path.basename(a.executable) === path.basename(id.executable));
    const member = artifact && members.find(m => m.id === artifact.packageId);
    if (!artifact || !member)
        return { crate: '(unknown)', target: id.source, spec: null, harnessFree: false };
    const kind = artifact.targetKind[0] ?? 'lib';
    const isLib = kind.endsWith('lib') || kind === 'proc-macro';
    return {
        crate: member.name,
        target: isLib ? 'lib' : `${kind}:${artifact.targetName}`,
        spec: isLib ? `-p ${member.name} --lib` : `-p ${member.name} --${kind} ${artifact.targetName}`,
        harnessFree: read.harnessFree.has(`${artifact.packageId}\u0000${artifact.targetName}`)
    };
}

// The command that runs one failed test again: the test run's own `cargo test` (same package selection,
// features, profile, harness options, libtest JSON), narrowed to the failed test's target and name. The
// package selection is kept, not narrowed to `-p`: with cargo's resolver 2, features are unified over
// the selected packages, so another selection could build (and test) other binaries.
/** cargo test's flags that choose targets: the retry names exactly one instead. */
const TARGET_FLAGS = new Set([
    '--lib',
    '--bins',
    '--tests',
    '--examples',
    '--benches',
    '--all-targets',
    '--doc'
]);
const NAMED_TARGET_FLAGS = ['--bin', '--test', '--example', '--bench'];
/** libtest options that take a value (`--skip x`): everything else without a dash is a name filter. */
const HARNESS_VALUED = new Set([
    '--skip',
    '--test-threads',
    '--logfile',
    '--format',
    '--color',
    '-Z',
    '--shuffle-seed'
]);
/** The target's selection flags, or null for a target cargo cannot run alone by name. */
function targetFlags(target) {
    if (target === 'lib')
        return ['--lib'];
    if (target === 'doc')
        return ['--doc'];
    const m = /^(bin|test|example|bench):(.+)$/.exec(target);
    return m ? [`--${m[1]}`, m[2]] : null;
}
function retryCommand(config, packages, failed) {
    const flags = targetFlags(failed.target);
    if (!flags)
        return null;
    const own = withoutTargetFlags(cargoOwnArgs(config.testArgs));
    const harness = harnessOptions(config.testArgs.slice(cargoOwnArgs(config.testArgs).length + 1));
    // rustdoc's harness never matches a doc-test's name with --exact: the name is a filter there, and only
    // the doc-test of exactly that name is read from the results.
    const select = failed.target === 'doc'
        ? [...harness.filter(a => a !== '--exact'), failed.name]
        : [...harness.filter(a => a !== '--exact'), '--exact', failed.name];
    return phaseCommand({ ...config, testArgs: [...own, ...flags, '--', ...select] }, 'test', packages);
}
function withoutTargetFlags(args) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (TARGET_FLAGS.has(a))
            continue;
        if (NAMED_TARGET_FLAGS.includes(a)) {
            i++;
            continue;
        }
        if (NAMED_TARGET_FLAGS.some(f => a.startsWith(`${f}=`)))
            continue;
        out.push(a);
    }
    return out;
}
/** The user's harness options without their name filters (the retry selects by name itself). */
function harnessOptions(args) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (HARNESS_VALUED.has(a)) {
            out.push(a, ...(i + 1 < args.length ? [args[++i]] : []));
            continue;
        }
        if (a.startsWith('-'))
            out.push(a);
    }
    return out;
}

// Failed tests run again, one at a time, through cargo (see retry-command.ts), read by the same readers
// as the test run: libtest's JSON events cross-checked with cargo's `to rerun pass`. A test that passes on
// a retry is flaky; one that fails every time stays a failure, with its attempts. Retries share the
// test-timeout, and many failures are a broken build: then nothing is retried, and the report says why.
/** More failures than this are a broken build, not flakiness. */
const MAX_RETRIED_FAILURES = 20;
/** …and so is a larger share of the tests run, once more than MIN_FAILURES_JUDGED_BY_SHARE failed. */
const MAX_FAILED_SHARE = 0.1;
/** A small suite with a flaky test or two is still retried (1 of 5 is 20%). */
const MIN_FAILURES_JUDGED_BY_SHARE = 3;
const BINARY = '(test binary)';
/** Why the failures are not retried at all, or null. */
function whyNoRetries(tests) {
    const ran = tests.passed + tests.failed;
    if (tests.failed > MAX_RETRIED_FAILURES)
        return `${tests.failed} tests failed (more than ${MAX_RETRIED_FAILURES}): a broken build, not flakiness, so none was run again`;
    if (tests.failed > MIN_FAILURES_JUDGED_BY_SHARE && tests.failed > ran * MAX_FAILED_SHARE)
        return `${tests.failed} of the ${ran} tests run failed (more than ${MAX_FAILED_SHARE * 100}%): a broken build, not flakiness, so none was run again`;
    return null;
}
/** `tests` after retrying its failures: flaky ones counted as passed and listed, the others with their attempts. */
async function retryFailures(ctx, tests) {
    const limit = ctx.config.testRetries;
    if (limit === 0 || tests.failed === 0)
        return tests;
    const retries = { limit, notes: [], runs: 0, seconds: 0 };
    const skipped = whyNoRetries(tests);
    if (skipped)
        return { ...tests, flaky: [], retries: { ...retries, skipped } };
    const now = ctx.now ?? Date.now;
    const started = now();
    const out = {
        ...tests,
        failures: [],
        flaky: [],
        binaries: tests.binaries.map(b => ({ ...b }))
    };
    let spent = false;
    for (const failure of tests.failures) {
        if (spent || !retriable(failure)) {
            out.failures.push(failure);
            continue;
        }
        let attempts = 1;
        let passed = false;
        while (!passed && attempts <= limit) {
            const left = ctx.budgetSeconds - (now() - started) / 1000;
            if (left <= 0) {
                retries.notes.push(`the test-timeout was spent: ${failure.crate} ${failure.name} and later failures were not run again`);
                spent = true;
                break;
            }
            const attempt = await runAgain(ctx, failure, left);
            if (!attempt)
                break;
            retries.runs++;
            attempts++;
            if (attempt.note)
                retries.notes.push(attempt.note);
            passed = attempt.passed;
            if (attempt.stop)
                spent = true;
            if (attempt.stop)
                break;
        }
        if (passed)
            countFlaky(out, failure, attempts, limit);
        else
            out.failures.push(attempts > 1 ? { ...failure, attempts } : failure);
    }
    retries.seconds = Math.round(now() - started) / 1000;
    return { ...out, retries };
}
/** A test the harness can run alone by its name (not a whole binary that printed nothing of libtest's). */
function retriable(f) {
    return f.name !== BINARY && f.crate !== '(unknown)' && f.target !== '';
}
function countFlaky(out, failure, attempts, limit) {
    const first = { message: failure.message, output: failure.output ?? null };
    if (failure.stopped)
        first.stopped = failure.stopped;
    out.flaky.push({
        crate: failure.crate,
        target: failure.target,
        name: failure.name,
        attempts,
        retries: limit,
        firstFailure: first
    });
    const bin = out.binaries.find(b => b.crate === failure.crate && b.target === failure.target);
    out.failed--;
    out.passed++;
    if (bin) {
        bin.failed--;
        bin.passed++;
    }
    const unfinished = failure.stopped?.unfinished ?? 0;
    if (unfinished > 0) {
        // The crash stopped the binary before its other tests finished: they are not known to pass.
        out.failures.push({
            crate: failure.crate,
            target: failure.target,
            name: BINARY,
            message: `the test binary stopped while running ${failure.name} (which passed when run again), before ${plural(unfinished, 'other test')} finished: they did not run`
        });
        out.failed++;
        if (bin)
            bin.failed++;
    }
}
async function runAgain(ctx, failure, seconds) {
    const command = retryCommand(ctx.config, ctx.packages, failure);
    if (!command)
        return null;
    const reader = testRunReader();
    const run = await ctx.cargo.phase('test-retry', command, {
        env: TEST_RUN_ENV,
        timeoutSeconds: seconds,
        record: false,
        onOtherStdout: reader.onOtherStdout,
        onStderr: reader.onStderr
    });
    const read = {
        ...reader.read(),
        ...ctx.read,
        killed: run.result.signal ? run.result.failure : null
    };
    return judgeAttempt(run, read, ctx.meta, failure);
}
/** Whether the retried test passed, as the test run would have judged it, and nothing cast doubt on it. */
function judgeAttempt(run, read, meta, failure) {
    const what = `the retry of ${failure.crate} ${failure.name}`;
    const r = run.result;
    if (r.failure)
        return { passed: false, note: `${what}: ${r.failure}`, stop: /test-timeout/.test(r.failure) };
    const rebuilt = r.units.workspace.compiled + r.units.dependencies.compiled;
    if (rebuilt > 0)
        return {
            passed: false,
            note: `${what} compiled ${plural(rebuilt, 'unit')}: it did not run the test run's binary, so its result does not count (do test-args select what cargo test --workspace would?)`
        };
    const section = resolveTests(read, meta);
    if (section.untrusted.length > 0)
        return { passed: false, note: `${what} cannot be trusted: ${section.untrusted[0]}` };
    const own = (t) => t.crate === failure.crate && t.target === failure.target;
    const pair = pairSuites(read, meta).find(p => own(p.bin));
    const test = pair?.suite?.tests.find(t => t.name === failure.name);
    if (!test)
        return { passed: false, note: `${what}: cargo ran no test of that name in ${failure.target}` };
    const failedAgain = section.failures.some(f => own(f) && (f.name === failure.name || f.name === BINARY));
    return { passed: test.outcome === 'ok' && !failedAgain };
}

// The tests' run: after the build, `cargo test` with libtest's JSON events, each binary attributed to
// its crate (from the executables the build's phases made) and cross-checked with cargo's own words.
const NOT_RUN = {
    ran: false,
    passed: 0,
    failed: 0,
    ignored: 0,
    failures: [],
    binaries: []
};
async function runTests(cargo, meta, packages, phases, 
/** The crate rows so far, with the build's fields. */
crates, config, state) {
    let tests = { ...NOT_RUN };
    if (config.runTests) {
        // The build's compile errors so far: the run's tally, read live.
        const notRun = whyNotRun(phases, cargo.diagnostics.errors);
        if (notRun)
            tests.notRun = `${notRun}${stoppedBy(phases, crates, packages, config, meta)}`;
        else
            tests = await testRun(cargo, meta, packages, config, state);
    }
    return { section: { tests }, crates: crateFields(meta, tests) };
}
/** The phase the tests build on (the test build, else the check or the one build), failed or untrusted. */
function whyNotRun(phases, errors) {
    const built = phases.find(p => p.name === 'test-build') ?? phases.find(p => p.name === 'build' || p.name === 'check');
    if (!built)
        return 'the build did not run';
    const what = {
        build: 'the build',
        'test-build': 'the test build (cargo test --no-run)',
        check: 'cargo check'
    }[built.name];
    return cannotBuildOn(built, errors, what);
}
/**
 * What the build that stopped the tests got through (how many crates it passed), and, when the check's
 * features are not the tests' own (a feature that does not compile), how to run the tests anyway.
 */
function stoppedBy(phases, crates, packages, config, meta) {
    const check = phases.find(p => p.name === 'check');
    const selected = crates.filter(c => !packages || packages.includes(c.name));
    const passed = selected.filter(c => c.errors === 0 && !c.notChecked).length;
    const verb = check ? 'passed the check' : 'built clean';
    const count = selected.length ? ` (${passed} of ${plural(selected.length, 'crate')} ${verb})` : '';
    // Only a crate with features can fail under the check's features and build under the tests'.
    const withFeatures = new Set(workspaceMembers(meta)
        .filter(p => Object.keys(p.features).length > 0)
        .map(p => p.name));
    const differ = featureFlags(config.checkArgs) !== featureFlags(config.testArgs) &&
        selected.some(c => c.errors > 0 && withFeatures.has(c.name));
    const hint = check && check.exitCode !== 0 && differ
        ? `; to run them with their own features: \`${['cargo', 'test', ...config.testArgs].join(' ')}\``
        : '';
    return `${count}${hint}`;
}
/** The features a cargo command enables, as its flags say them. */
function featureFlags(args) {
    const own = cargoOwnArgs(args);
    const out = [];
    for (let i = 0; i < own.length; i++) {
        const a = own[i];
        if (a === '--all-features' || a === '--no-default-features')
            out.push(a);
        else if (a === '--features' || a === '-F')
            out.push(...(own[++i] ?? '').split(/[\s,]+/));
        else if (a.startsWith('--features=') || a.startsWith('-F'))
            out.push(...a.replace(/^(--features=|-F=?)/, '').split(/[\s,]+/));
    }
    return [...new Set(out.filter(Boolean))].sort().join(' ');
}
async function testRun(cargo, meta, packages, config, state) {
    const reader = testRunReader();
    const test = await cargo.phase('test', phaseCommand(config, 'test', packages), {
        env: TEST_RUN_ENV,
        timeoutSeconds: config.testTimeoutMinutes * 60,
        onOtherStdout: reader.onOtherStdout,
        onStderr: reader.onStderr
    });
    const harnessFree = harnessFreeTargets(workspaceMembers(meta));
    const killed = test.result.signal ? test.result.failure : null;
    const artifacts = state.artifacts;
    const tests = resolveTests({ ...reader.read(), artifacts, harnessFree, killed }, meta);
    explainExit(test.result, tests.failed > 0, cargo.diagnostics.dependencyErrors, test.stderrTail);
    const budgetSeconds = config.testTimeoutMinutes * 60 - test.result.wallSeconds;
    const read = { artifacts, harnessFree };
    return retryFailures({ cargo, meta, packages, config, read, budgetSeconds }, tests);
}
function crateFields(meta, tests) {
    const out = {};
    for (const p of workspaceMembers(meta)) {
        const bins = tests.binaries.filter(b => b.crate === p.name);
        const sum = (f) => bins.reduce((n, b) => n + f(b), 0);
        out[p.name] = {
            passed: sum(b => b.passed),
            failed: sum(b => b.failed),
            ignored: sum(b => b.ignored),
            testSeconds: bins.some(b => b.seconds !== null)
                ? Math.round(sum(b => b.seconds ?? 0) * 1000) / 1000
                : null
        };
    }
    return out;
}

const FLAKY_POLICIES = ['warn', 'deny', 'allow'];
const TESTS_CODES = {
    'tests-failed': 'tests failed, or a test binary crashed',
    'tests-skipped': 'cargo test was not run (run-tests: false)',
    'tests-not-run': 'cargo test did not run because the build before it failed (says why)',
    'tests-none': 'cargo test ran, and the selected members had no test to run',
    'tests-flaky': 'tests failed, then passed when run again (flaky-tests: warn shows them, deny blocks, allow exempts)',
    'tests-not-retried': 'failed tests were not run again (too many failed: a broken build, not flakiness; or the test-timeout was spent)'
};

// tests: cargo test per crate (libtest's own counts); a failing or crashed test blocks.
const tests = {
    name: 'tests',
    stage: 'build',
    inputs: [
        {
            name: 'test-args',
            default: '',
            description: 'Arguments for `cargo test`. Empty (the default) takes check-args without its target selection (`--lib`, `--all-targets`, …) and `--keep-going`, so the tests build the packages, features, profile, target and config the check checked and each crate compiles once; set `--workspace` to test with default features only, the earlier default. `--no-fail-fast` is added unless you pass `--fail-fast`.'
        },
        { name: 'run-tests', default: 'true', description: 'Run `cargo test` after `cargo check`.' },
        {
            name: 'test-timeout',
            default: '60',
            description: 'Minutes the test run may take; then it is killed with every test process, the test that was running is named and the build is unstable.'
        },
        {
            name: 'test-retries',
            default: '2',
            description: 'Times a failed test is run again, alone, through cargo (within the test-timeout); one that then passes is flaky. 0: never. Not when more than 20 tests failed, or more than 3 and over 10% of those run (a broken build, not flakiness).'
        },
        {
            name: 'flaky-tests',
            default: 'warn',
            description: 'A test that failed, then passed when run again: `warn` shows it (the build can be stable), `deny` makes the build unstable, `allow` exempts it.'
        }
    ],
    parse: p => ({
        // Not given: the check's, so the tests build what it checked (see build-args.ts).
        testArgs: p.raw('test-args')
            ? testArgs(ownMessageFormat(p.args('test-args'), 'test-args'))
            : testArgsOfCheck(ownMessageFormat(p.args('check-args'), 'check-args')),
        runTests: p.bool('run-tests'),
        testTimeoutMinutes: positiveMinutes(p.number('test-timeout', 0, false), 'test-timeout'),
        testRetries: p.number('test-retries', 0, true),
        flakyTests: p.oneOf('flaky-tests', FLAKY_POLICIES)
    }),
    codes: TESTS_CODES,
    outputs: [
        { name: 'tests-passed', description: 'Tests passed.', value: r => String(r.tests.passed) },
        {
            name: 'tests-failed',
            description: 'Tests failed (a test binary that crashed counts as a failure).',
            value: r => String(r.tests.failed)
        },
        { name: 'tests-ignored', description: 'Tests ignored.', value: r => String(r.tests.ignored) },
        {
            name: 'tests-flaky',
            description: 'Tests that failed, then passed when run again (also counted in tests-passed).',
            value: r => String(r.tests.flaky?.length ?? 0)
        },
        {
            name: 'test-seconds',
            description: 'Wall seconds of `cargo test` (build and run; with compile-once, the run only).',
            value: r => phaseSeconds(r, ['test', 'test-build'])
        }
    ],
    // The test run is attributed to the executables the build's phases made.
    start: () => {
        const artifacts = [];
        return {
            artifacts,
            hook: { listen: () => ({ artifact: a => void (a.executable && artifacts.push(a)) }) }
        };
    },
    crateDefaults: { passed: 0, failed: 0, ignored: 0, testSeconds: null },
    blank: () => ({ tests: { ...NOT_RUN } }),
    run: (ports, config, state) => ports.cargo && ports.metadata
        ? runTests(ports.cargo, ports.metadata, ports.report.shard?.members ?? null, ports.phases, ports.report.crates, config, state)
        : Promise.resolve({ section: {} }),
    // Read once every stage ran, like the build's.
    findings: testFindings,
    merge: mergeTests,
    table: {
        columns: [
            { header: 'passed', cell: c => String(c.passed), total: r => String(r.tests.passed) },
            { header: 'failed', cell: c => String(c.failed), total: r => String(r.tests.failed) },
            { header: 'ignored', cell: c => String(c.ignored), total: r => String(r.tests.ignored) }
        ],
        seconds: c => c.testSeconds,
        secondsHeader: 'tests (s)'
    },
    markdown: (r, ctx) => testsMarkdown(r, ctx.links),
    // A failing test's own words before the crate table, as rustc's are.
    lead: failureOutputs,
    terminal: testsText,
    annotations: panicAnnotations
};
function mergeTests(shards) {
    const tests = shards.map(r => r.tests);
    const sum = (f) => tests.reduce((n, t) => n + f(t), 0);
    return {
        tests: {
            ran: tests.length > 0 && tests.every(t => t.ran),
            passed: sum(t => t.passed),
            failed: sum(t => t.failed),
            ignored: sum(t => t.ignored),
            failures: tests.flatMap(t => t.failures),
            // Each shard retried its own failures.
            flaky: tests.flatMap(t => t.flaky ?? []),
            binaries: tests.flatMap(t => t.binaries),
            untrusted: tests.flatMap(t => t.untrusted ?? []),
            ...(tests.some(t => t.notRun) ? { notRun: tests.find(t => t.notRun).notRun } : {}),
            ...mergeRetries(tests)
        }
    };
}
function mergeRetries(tests) {
    const all = tests.flatMap(t => (t.retries ? [t.retries] : []));
    if (all.length === 0)
        return {};
    const skipped = all.find(r => r.skipped)?.skipped;
    const retries = {
        limit: all[0].limit,
        notes: all.flatMap(r => r.notes),
        runs: all.reduce((n, r) => n + r.runs, 0),
        seconds: Math.round(all.reduce((n, r) => n + r.seconds, 0) * 1000) / 1000
    };
    return { retries: skipped ? { ...retries, skipped } : retries };
}
function positiveMinutes(n, input) {
    if (n <= 0)
        throw new ConfigError(input, `'${n}' must be a number of minutes greater than 0 (e.g. 60).`);
    return n;
}
/** cargo test flags that break the gate's build-then-run, and why; the harness's args after `--` are free. */
const REFUSED = {
    '--doc': 'cargo cannot build doc-tests ahead of running them (it refuses `cargo test --no-run --doc`), and the gate runs the doc-tests with the other tests anyway.',
    '--no-run': 'the gate builds the tests with --no-run itself, then runs them; to not run tests, set run-tests to false.'
};
function testArgs(args) {
    const refused = cargoOwnArgs(args).find(a => a in REFUSED);
    if (refused)
        throw new ConfigError('test-args', `remove '${refused}': ${REFUSED[refused]}`);
    return args;
}

// A flaky test's issue as GitHub shows it: title, body and comments, with hidden markers naming the test
// (crate, target and name: stable across runs) and the run that saw it (so a rerun adds nothing). Pure.
const FLAKY_LABEL = {
    name: 'flaky-test',
    color: 'fbca04',
    description: 'A test that failed, then passed when run again (kept by build-gate)'
};
/** Characters of the first failure's output an issue keeps (GitHub takes 65 536 per body). */
const ISSUE_OUTPUT_LIMIT = 8 * 1024;
/** GitHub refuses a title over 256 characters. */
const TITLE_LIMIT = 256;
// Test names may hold any character (doc-tests: `src/lib.rs - f (line 3)`); encoded, none ends the comment.
const part = (s) => encodeURIComponent(s);
function testMarker(t) {
    return `<!-- build-gate:flaky-test=${part(t.crate)}/${part(t.target)}/${part(t.name)} -->`;
}
/** The marker of this run's occurrence: its run id and head commit; null when neither is known. */
function seenMarker(run) {
    const id = /\/actions\/runs\/(\d+)/.exec(run.runUrl ?? '')?.[1];
    const key = id ? `run/${id}${run.sha ? `@${run.sha}` : ''}` : run.sha ? `commit/${run.sha}` : null;
    return key ? `<!-- build-gate:flaky-seen=${part(key)} -->` : null;
}
function issueTitle(t) {
    const title = `Flaky test: ${t.crate} ${t.name}`;
    return title.length <= TITLE_LIMIT ? title : `${title.slice(0, TITLE_LIMIT - 1)}…`;
}
function issueBody(t, run) {
    return [
        `The test ${codeSpan(t.name)} of ${codeSpan(t.crate)} (${codeSpan(t.target)}) failed, then passed when run again alone.`,
        '',
        ...occurrence(t, run),
        '',
        'build-gate keeps this issue while the test is flaky: a later run where it flakes again adds a comment.',
        'Close it once the test is fixed; if it flakes again after that, the issue is reopened.',
        '',
        testMarker(t),
        seenMarker(run) ?? ''
    ]
        .join('\n')
        .trimEnd();
}
function occurrenceComment(t, run, reopened) {
    return [
        reopened ? 'Flaky again after this issue was closed, so it is reopened.' : 'Flaky again.',
        '',
        ...occurrence(t, run),
        '',
        seenMarker(run) ?? ''
    ]
        .join('\n')
        .trimEnd();
}
/** Where it was seen, its attempts and its first failure's output, folded and bounded. */
function occurrence(t, run) {
    const where = [
        run.runUrl ? `[this run](${run.runUrl})` : 'a run',
        run.sha ? `on commit ${codeSpan(run.sha)}` : ''
    ]
        .filter(Boolean)
        .join(' ');
    const text = trimEnd(outputTail(t.firstFailure.output ?? t.firstFailure.message ?? '', ISSUE_OUTPUT_LIMIT));
    const message = t.firstFailure.message ? `: ${codeSpan(t.firstFailure.message.split('\n')[0])}` : '';
    const memory = run.memory?.find(m => m.test === `${t.crate} ${t.name}`);
    return [
        `Seen in ${where}: ${t.attempts} attempts, failed first${message}, then passed on ${passedOn(t)}.`,
        ...(memory ? ['', `Run history: ${flakyMemoryLine(memory)}.`] : []),
        ...(text
            ? ['', '<details><summary>The first failure’s output</summary>', '', ...fenced(text), '', '</details>']
            : [])
    ];
}

const nameOf = (t) => `${t.crate} ${t.name}`;
async function keepFlakyIssues(i) {
    const { ctx, client, log } = i;
    // One issue per test, however many shards or binaries named it.
    const tests = [...new Map(i.flaky.map(t => [testMarker(t), t])).values()];
    const issues = new Map(tests.map(t => [testMarker(t), { test: nameOf(t), action: 'not-written', number: null, url: null }]));
    const section = (mode, applied, note) => ({
        mode,
        issues: [...issues.values()],
        appliedWrites: applied,
        note
    });
    const untrusted = whyNotWritten(i);
    if (untrusted) {
        log(`flaky-test issues: report only: ${untrusted}`);
        return { section: section('report-only', 0, untrusted), warnings: [] };
    }
    const repo = { owner: ctx.owner, repo: ctx.repo };
    const url = (n) => `${ctx.serverUrl}/${repo.owner}/${repo.repo}/issues/${n}`;
    const run = { runUrl: ctx.runUrl, sha: ctx.sha, memory: i.memory };
    let listed = null;
    // Writes that changed something on GitHub (a failed write stops the count where it was).
    let made = 0;
    const done = (t, action, number) => issues.set(testMarker(t), { test: nameOf(t), action, number, url: number ? url(number) : null });
    const keep = async (t) => {
        listed ??= await listIssues(client, repo, FLAKY_LABEL.name, 'all', log);
        const marker = testMarker(t);
        const id = {
            label: FLAKY_LABEL.name,
            marked: body => !!body?.includes(marker),
            what: `the flaky-test issue of ${nameOf(t)}`
        };
        const mine = listed.filter(x => id.marked(x.body));
        const open = mine.filter(x => x.state === 'open');
        if (open.length > 0) {
            // Duplicates a race left behind (GitHub listed the other run's issue late) are closed now.
            const kept = await closeDuplicates(client, repo, open, id, { number: open[0].number, body: '' }, log);
            made += kept.closed.length;
            return record(t, kept.number, kept.body, 'commented');
        }
        const closed = mine.at(-1);
        if (closed) {
            // Closed as not planned (or as a duplicate): someone decided not to track it; that stands.
            if (closed.stateReason && closed.stateReason !== 'completed') {
                done(t, 'left-closed', closed.number);
                return false;
            }
            await client.rest.issues.update({ ...repo, issue_number: closed.number, state: 'open' });
            made++;
            return record(t, closed.number, closed.body ?? '', 'reopened');
        }
        const body = issueBody(t, run);
        const created = await createIssueOnce(client, repo, { title: issueTitle(t), body, labels: [FLAKY_LABEL.name] }, id, log);
        made += created.closed.length + 1;
        // A concurrent run's issue was kept: this run's occurrence goes in a comment on it.
        const seen = seenMarker(run);
        if (seen ? !created.body.includes(seen) : created.body !== body)
            return record(t, created.number, created.body, 'commented');
        done(t, 'opened', created.number);
        return true;
    };
    /** This run's occurrence on the issue, once: nothing when its body or a comment already has it. */
    const record = async (t, number, body, action) => {
        const seen = seenMarker(run);
        const there = !seen ||
            body.includes(seen) ||
            (await listComments(client, repo, number)).some(c => !!c.body?.includes(seen));
        if (there) {
            done(t, action === 'reopened' ? 'reopened' : 'recorded', number);
            return action === 'reopened';
        }
        await commentOnce(client, repo, number, occurrenceComment(t, run, action === 'reopened'), c => c.includes(seen));
        made++;
        done(t, action, number);
        return true;
    };
    const label = async () => {
        if (await labelExists(client, repo, FLAKY_LABEL.name))
            return false;
        const createdNow = await createLabelOnce(client, repo, FLAKY_LABEL, log);
        if (createdNow)
            made++;
        return createdNow;
    };
    const writes = [{ kind: 'label' }, ...tests.map(test => ({ kind: 'test', test }))];
    try {
        const applied = await applyInOrder(writes, {
            what: w => (w.kind === 'label' ? `label ${FLAKY_LABEL.name}` : `flaky-test issue of ${nameOf(w.test)}`),
            apply: w => (w.kind === 'label' ? label() : keep(w.test)),
            unchanged: ' (nothing to add)',
            log
        });
        if (applied.forbidden)
            return {
                section: section('report-only', made, `the token may not write (${applied.forbidden}); give the workflow \`permissions: issues: write\`. ${made} write(s) were made before that; the verdict stands`),
                warnings: []
            };
        return { section: section('apply', made, `${made} write(s) made`), warnings: [] };
    }
    catch (e) {
        const error = errorText(e);
        return {
            section: {
                ...section('apply', made, `a write failed; the flaky tests after it have no issue this run; the verdict stands`),
                error
            },
            warnings: [`Flaky-test issues: ${error}`]
        };
    }
}
/** Why this run writes no issue; null when it may. */
function whyNotWritten(i) {
    const { ctx } = i;
    const only = 'only a trusted run (a push to the default branch, a schedule) opens or comments on issues';
    if (i.shard)
        return `shard ${i.shard.index} of ${i.shard.total}: the merge job keeps the issues of the flaky tests`;
    if (i.dryRun)
        return 'dry run: no issue opened or commented';
    if (!i.client)
        return 'no GitHub token: no issue opened or commented';
    if (!ctx.owner || !ctx.repo)
        return 'no repository (GITHUB_REPOSITORY is not set)';
    if (ctx.pullRequest)
        return `pull request #${ctx.pullRequest.number}${ctx.pullRequest.fork ? ' from a fork' : ''}: ${only}`;
    if (!ctx.trusted)
        return `${ctx.trustReason}: ${only}`;
    return null;
}

const flakyIssues = {
    name: 'flaky-issues',
    stage: 'sync',
    inputs: [
        {
            name: 'flaky-issues',
            default: 'false',
            description: 'On a trusted run, keep one open issue per flaky test (label `flaky-test`, made if missing): opened with its attempts and first failure, one comment per later run that sees it flaky, reopened if it flakes after being closed (not when closed as not planned). Needs `issues: write`.'
        }
    ],
    parse: p => ({ flakyIssues: p.bool('flaky-issues') }),
    codes: {},
    outputs: [],
    async sync(ports, config) {
        const flaky = ports.report.tests?.flaky ?? [];
        if (!config.flakyIssues || flaky.length === 0)
            return { section: {}, findings: [] };
        const kept = await keepFlakyIssues({
            flaky,
            memory: ports.report.tracker?.flaky,
            ctx: ports.ctx,
            client: ports.github,
            dryRun: config.dryRun,
            shard: config.shard,
            log: ports.log
        });
        return { section: { flakyIssues: kept.section }, findings: [], warnings: kept.warnings };
    },
    markdown: r => flakyIssuesMarkdown(r.flakyIssues),
    terminal: r => flakyIssuesText(r.flakyIssues)
};

const COMMENT_MARKER = '<!-- build-gate -->';
/** GitHub refuses comment bodies over 65 536 characters. */
const MAX_COMMENT_CHARS = 65_536;
const ATTEMPTS$1 = 3;
async function upsertStickyComment(client, target, markdown, log = () => undefined) {
    const repo = { owner: target.owner, repo: target.repo };
    const body = commentBody$1(markdown);
    const list = async () => (await listAll(client, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: target.number
    }))
        .filter(c => c.body?.includes(COMMENT_MARKER))
        .sort((a, b) => a.id - b.id);
    try {
        const existing = await list();
        if (existing.length)
            return await keepOldest(client, repo, existing, body, null, log);
        let created = null;
        for (let attempt = 1; created === null; attempt++) {
            try {
                const { data } = await client.rest.issues.createComment({
                    ...repo,
                    issue_number: target.number,
                    body,
                    ...NO_RETRY
                });
                created = data.id;
            }
            catch (e) {
                if (!(e instanceof GitHubRequestError && e.ambiguous) || attempt >= ATTEMPTS$1)
                    throw e;
                log(`commenting on pull request #${target.number} may have failed; reading the comments before trying again`);
                const found = await list();
                if (found.length)
                    created = found[0].id;
                else
                    await new Promise(r => setTimeout(r, 1000 * attempt));
            }
        }
        const now = await list();
        return await keepOldest(client, repo, now.length ? now : [{ id: created, body }], body, created, log);
    }
    catch (e) {
        // A fork PR's token (or one without pull-requests: write) may read but not comment.
        if (e instanceof GitHubRequestError && e.status === 403)
            return { action: 'forbidden', id: null };
        throw e;
    }
}
async function keepOldest(client, repo, marked, body, created, log) {
    const [oldest, ...extra] = marked;
    for (const c of extra) {
        try {
            await client.rest.issues.deleteComment({ ...repo, comment_id: c.id });
            log(`deleted comment ${c.id}: another run posted the sticky comment too; ${oldest.id} is kept`);
        }
        catch (e) {
            // A concurrent run deleted it first.
            if (!(e instanceof GitHubRequestError && e.status === 404))
                throw e;
        }
    }
    if (oldest.body === body)
        return { action: oldest.id === created ? 'created' : 'unchanged', id: oldest.id };
    await client.rest.issues.updateComment({ ...repo, comment_id: oldest.id, body });
    return { action: 'updated', id: oldest.id };
}
/** The marker first; a body over GitHub's limit is cut with a note (the job summary has it all). */
function commentBody$1(markdown) {
    const text = markdown.includes(COMMENT_MARKER) ? markdown : `${COMMENT_MARKER}\n${markdown}`;
    if (text.length <= MAX_COMMENT_CHARS)
        return text;
    const note = '\n\n_… cut here: the comment is over GitHub’s size limit. The job summary and the JSON report have everything._';
    return text.slice(0, MAX_COMMENT_CHARS - note.length) + note;
}

// pr-comment: one sticky comment on the pull request, the run's job summary (src/github/comment.ts).
// Runs after the roadmap, so the comment shows its section too; posted by the merge job, never a shard.
// A comment that cannot be posted is a warning naming the pull request and GitHub's answer: it never
// turns the step red on its own.
const none = { section: {}, findings: [] };
const prComment = {
    name: 'pr-comment',
    stage: 'sync',
    inputs: [
        {
            name: 'comment-on-pr',
            default: 'true',
            description: 'Keep one sticky comment with the verdict on the pull request.'
        }
    ],
    parse: p => ({ commentOnPr: p.bool('comment-on-pr') }),
    codes: {},
    outputs: [],
    async sync(ports, config) {
        const { ctx, github, report } = ports;
        if (!config.commentOnPr || config.shard || !github || !ports.renderSummary)
            return none;
        if (!ctx.pullRequest || !ctx.owner || !ctx.repo)
            return none;
        const target = { owner: ctx.owner, repo: ctx.repo, number: ctx.pullRequest.number };
        let action;
        try {
            ;
            ({ action } = await upsertStickyComment(github, target, ports.renderSummary(report), ports.log));
        }
        catch (e) {
            // The comment repeats the verdict; failing to post it is not the verdict.
            const why = `The comment on pull request #${target.number} could not be posted or updated: ${errorMessage(e)}. The verdict stands; the job summary and the report have it`;
            ports.log(why);
            return { ...none, warnings: [why] };
        }
        ports.log(`pull request comment: ${action}`);
        if (action !== 'forbidden')
            return none;
        const why = `The token may not comment on pull request #${target.number} (HTTP 403${ctx.pullRequest.fork ? ', a fork PR has a read-only token' : ''}): the report is in the job summary only`;
        ports.log(why);
        const ws = report.workstreams;
        return ws?.mode === 'preview'
            ? { section: { workstreams: { ...ws, mode: 'report-only', note: `${ws.note}. ${why}` } }, findings: [] }
            : none;
    }
};

// The base side's surfaces, kept in the target directory: a pull request's base commit stays the same
// across its pushes, so its surfaces are made once. The key holds everything the surface depends on.
/** Raised whenever the surface or its facts change shape, so older entries are never read. */
const SURFACE_VERSION = 5;
function file(targetDir, key) {
    const hash = createHash('sha256')
        .update(JSON.stringify({ v: SURFACE_VERSION, ...key }))
        .digest('hex')
        .slice(0, 32);
    return path.join(targetDir, 'build-gate', 'public-api', `${key.crate}-${hash}.json`);
}
function readCached(targetDir, key) {
    try {
        const e = JSON.parse(readFileSync(file(targetDir, key), 'utf8'));
        if (!Array.isArray(e.surface) || !Array.isArray(e.withHidden) || typeof e.format !== 'number')
            return null;
        const map = (items) => new Map(items.map(i => [i.key, i]));
        return {
            surface: map(e.surface),
            withHidden: map(e.withHidden),
            format: e.format,
            version: e.version,
            features: e.features ?? null
        };
    }
    catch {
        return null;
    }
}
function writeCached(targetDir, key, side) {
    const target = file(targetDir, key);
    const entry = {
        surface: [...side.surface.values()],
        withHidden: [...side.withHidden.values()],
        format: side.format,
        version: side.version,
        features: side.features
    };
    try {
        mkdirSync(path.dirname(target), { recursive: true });
        // Written aside and renamed, so a reader never sees half an entry.
        writeFileSync(`${target}.${process.pid}.tmp`, JSON.stringify(entry));
        renameSync(`${target}.${process.pid}.tmp`, target);
    }
    catch {
        // A cache that cannot be written only costs time next run.
    }
}

/**
 * Names that by convention are not a stable feature (the reference tool's convention: a leading
 * underscore; `unstable`, `nightly`, `bench`, alone or before `-`/`_`): removing one is reported, not breaking.
 */
const UNSTABLE_NAME = /^(?:_|(?:unstable|nightly|bench)(?:[-_]|$))/;
function featureChanges(crate, base, head) {
    const out = [];
    for (const [name, line] of Object.entries(base.features)) {
        if (name in head.features)
            continue;
        const unstable = UNSTABLE_NAME.test(name);
        out.push({
            class: unstable ? 'changed' : 'breaking',
            rule: unstable ? 'changed' : 'feature-removed',
            path: `${crate}/${name}`,
            kind: 'feature',
            what: unstable
                ? `feature \`${name}\` removed (by its name not a stable feature, so not counted as breaking)`
                : `feature \`${name}\` removed: a dependent's \`features = ["${name}"]\` no longer resolves`,
            side: 'base',
            file: base.file,
            line,
            base: { file: base.file, line },
            // What is gone is reported at its owner on the head: the package's manifest.
            head: { file: head.file, line: null },
            ...(unstable ? {} : { breaks: `\`${crate} = { features = ["${name}"] }\` in a dependent's Cargo.toml` })
        });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/** Each feature of cargo metadata's `features` with its line in the manifest text (null when not found). */
function manifestFeatures(file, features, text) {
    const lines = featureLines(text ?? '');
    return {
        file,
        features: Object.fromEntries(Object.keys(features).map(n => [n, lines.get(n) ?? null]))
    };
}
/**
 * Lines of `[features]` keys and of dependency keys (an optional dependency's implicit feature),
 * `[dependencies.name]` headers included. A feature key wins over a dependency of the same name.
 */
function featureLines(text) {
    const features = new Map();
    const deps = new Map();
    let table = '';
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        const header = /^\[\s*([^\]]+?)\s*\]/.exec(line);
        if (header && !line.startsWith('[[')) {
            table = header[1].replace(/\s+/g, '');
            const dep = /(?:^|\.)(?:dependencies|build-dependencies)\.("[^"]+"|'[^']+'|[\w-]+)$/.exec(table);
            if (dep)
                setOnce(deps, unquote(dep[1]), i + 1);
            return;
        }
        const key = /^("[^"]+"|'[^']+'|[\w-]+)\s*=/.exec(line);
        if (!key)
            return;
        if (table === 'features')
            setOnce(features, unquote(key[1]), i + 1);
        else if (/(?:^|\.)(?:dependencies|build-dependencies)$/.test(table))
            setOnce(deps, unquote(key[1]), i + 1);
    });
    for (const [name, line] of deps)
        setOnce(features, name, line);
    return features;
}
function setOnce(map, key, line) {
    if (!map.has(key))
        map.set(key, line);
}
function unquote(key) {
    return /^["']/.test(key) ? key.slice(1, -1) : key;
}

// Git for the API check: which revision is the base, what changed since, and a throw-away worktree
// of the base. Every failure is a sentence a user can act on (the result is then `unknown`).
const GIT_TIMEOUT_MS = 120_000;
class BaseUnavailable extends Error {
}
/**
 * The revision to compare with, before asking git: the input, else the PR's base, else (in a merge
 * queue) the merge group's base, the commit the group is merged onto, else the head's parent.
 */
function baseRequest(input, env, payload) {
    if (input.trim())
        return { rev: input.trim(), from: 'input' };
    const pr = payload.pull_request;
    if ((env.GITHUB_EVENT_NAME ?? '').startsWith('pull_request') && pr?.base?.sha)
        return { rev: pr.base.sha, from: 'pull_request' };
    const group = payload.merge_group;
    if (env.GITHUB_EVENT_NAME === 'merge_group' && group?.base_sha)
        return { rev: group.base_sha, from: 'merge_group' };
    return { rev: `${env.GITHUB_SHA || 'HEAD'}^`, from: 'parent' };
}
async function git(run, cwd, args) {
    const r = await run('git', args, { cwd, timeoutMs: GIT_TIMEOUT_MS, env: { GIT_TERMINAL_PROMPT: '0' } });
    if (r.error)
        throw new BaseUnavailable(r.error);
    if (r.code !== 0)
        throw new GitFailed(r.stderr.trim().split('\n').pop() ?? `exit ${r.code}`);
    return r.stdout;
}
class GitFailed extends Error {
}
async function repositoryRoot(run, cwd) {
    try {
        return (await git(run, cwd, ['rev-parse', '--show-toplevel'])).trim();
    }
    catch (e) {
        if (e instanceof BaseUnavailable)
            throw e;
        throw new BaseUnavailable(`${cwd} is not inside a git repository, so there is no base revision to compare the public API with. ` +
            'Check out the repository with git (actions/checkout), or set public-api: off.');
    }
}
async function resolveBase(run, repo, request) {
    try {
        const sha = (await git(run, repo, ['rev-parse', '--verify', '--quiet', `${request.rev}^{commit}`])).trim();
        return { ...request, sha };
    }
    catch (e) {
        if (e instanceof BaseUnavailable)
            throw e;
        const shallow = (await git(run, repo, ['rev-parse', '--is-shallow-repository']).catch(() => '')).trim();
        throw new BaseUnavailable(`the base revision ${request.rev} (${describeFrom(request.from)}) is not in this clone` +
            (shallow === 'true' ? ' (it is a shallow clone)' : '') +
            '. With actions/checkout, set `fetch-depth: 0` (or fetch the base commit), or name another revision in `public-api-base`.');
    }
}
function describeFrom(from) {
    return {
        input: 'public-api-base',
        pull_request: "the pull request's base",
        merge_group: "the merge group's base",
        parent: "the head's parent"
    }[from];
}
/** Files (relative to the repository root) that differ between the base and the working tree. */
async function changedFiles(run, repo, sha) {
    const diff = await git(run, repo, ['diff', '--name-only', '--no-renames', '-z', sha, '--']);
    const untracked = await git(run, repo, ['ls-files', '--others', '--exclude-standard', '-z']);
    return new Set([...diff.split('\0'), ...untracked.split('\0')].filter(Boolean));
}
/** A file's text at a revision (`path` relative to the repository root), or null when it has none. */
async function fileAt(run, repo, sha, file) {
    const r = await run('git', ['show', `${sha}:${file}`], {
        cwd: repo,
        timeoutMs: GIT_TIMEOUT_MS,
        env: { GIT_TERMINAL_PROMPT: '0' }
    });
    if (r.error)
        throw new BaseUnavailable(r.error);
    return r.code === 0 ? r.stdout : null;
}
/**
 * A detached worktree of the base. Files the head did not change get the head's modification times,
 * so cargo finds the head's artifacts of unchanged crates fresh and only rebuilds what differs.
 */
async function addWorktree(run, repo, sha, changed) {
    const dir = mkdtempSync(path.join(tmpdir(), 'build-gate-api-base-'));
    try {
        await git(run, repo, ['worktree', 'add', '--detach', '--force', dir, sha]);
    }
    catch (e) {
        rmSync(dir, { recursive: true, force: true });
        throw new BaseUnavailable(`git could not check out the base ${sha.slice(0, 12)}: ${e.message}`);
    }
    const files = (await git(run, dir, ['ls-files', '-z'])).split('\0').filter(Boolean);
    for (const file of files) {
        if (changed.has(file))
            continue;
        try {
            const head = statSync(path.join(repo, file));
            utimesSync(path.join(dir, file), head.atime, head.mtime);
        }
        catch {
            // Missing on one side (a submodule, a symlink): cargo rebuilds what it needs.
        }
    }
    return dir;
}
async function removeWorktree(run, repo, dir) {
    await git(run, repo, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await git(run, repo, ['worktree', 'prune']).catch(() => undefined);
}

// The subset of rustdoc's JSON output (`--output-format json`) the API check reads, and the one place
// that decides whether a document can be read at all. The format is unstable and versioned: a version
// whose shape was not checked here is refused with the reason, never guessed at.
/**
 * 57: stable 1.95 and nightly 1.97 (2026-05) here. 56 differs from 57 only in `external_crates[].path`,
 * which is not read. Anything else: the result is `unknown`.
 */
const SUPPORTED_FORMAT_VERSIONS = [56, 57];
class RustdocFormatError extends Error {
}
/** Parses and checks one document; throws RustdocFormatError with words a user can act on. */
function readRustdoc(text, what) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new RustdocFormatError(`${what}: rustdoc's JSON could not be parsed (${e.message}).`);
    }
    const d = doc;
    if (!d || typeof d !== 'object' || typeof d.format_version !== 'number')
        throw new RustdocFormatError(`${what}: the file has no format_version; is it rustdoc JSON?`);
    if (!SUPPORTED_FORMAT_VERSIONS.includes(d.format_version))
        throw new RustdocFormatError(`${what}: rustdoc JSON format_version ${d.format_version} is not supported (supported: ${SUPPORTED_FORMAT_VERSIONS.join(', ')}). ` +
            'Use a toolchain that produces a supported version (stable 1.95 does), or set `toolchain`.');
    if (typeof d.root !== 'number' || !d.index || typeof d.index !== 'object' || !d.paths)
        throw new RustdocFormatError(`${what}: rustdoc JSON lacks root/index/paths.`);
    const root = d.index[String(d.root)];
    if (!root || kindOf(root) !== 'module')
        throw new RustdocFormatError(`${what}: rustdoc JSON's root is not a module.`);
    return d;
}
function kindOf(item) {
    const keys = Object.keys(item.inner ?? {});
    return keys.length === 1 ? keys[0] : 'unknown';
}
function innerOf(item) {
    return item.inner[kindOf(item)];
}
function hasAttr(item, name) {
    return (item.attrs ?? []).some(a => a === name || (typeof a === 'object' && a !== null && name in a));
}
/**
 * `#[doc(hidden)]`, should rustdoc keep such an item (it strips them by default). A hidden item that
 * is also `#[deprecated]` is still public API (as the reference tool treats it): users were told how
 * to move off it.
 */
function isDocHidden(item) {
    if (item.deprecation)
        return false;
    return (item.attrs ?? []).some(a => {
        const other = typeof a === 'object' && a !== null ? a.other : a;
        return typeof other === 'string' && /#\[doc\s*\(\s*hidden\s*\)\s*\]/.test(other);
    });
}
/** A type or signature fragment as comparable text: ids are per-document, so they are left out. */
function shape(value) {
    return JSON.stringify(value, (key, v) => (key === 'id' ? undefined : v));
}

// Runs rustdoc's JSON backend over some crates of one workspace (the head's, or the base worktree's).
// One cargo invocation documents them all, in parallel; each document is then moved aside, so the
// other side's run (same target directory, same file names) can start while this side is read.
// Both sides build in a target directory of their own inside the gate's (see docTargetDir).
const DOC_TIMEOUT_MS = 30 * 60_000;
/**
 * After the user's RUSTDOCFLAGS. Hidden and private items are documented: `#[doc(hidden)]` items are
 * judged by convention, and a `#[no_mangle]` function in a private module is ABI that only a private
 * document shows (the surface is still what public paths reach). A crate's own lint levels
 * (`#![deny(warnings)]` meeting a rustdoc lint on a private item) never stop its document.
 */
const DOC_FLAGS = '-Z unstable-options --output-format json --document-hidden-items --document-private-items --cap-lints allow';
function docCommand(req) {
    return [
        ...(req.toolchain ? [`+${req.toolchain}`] : []),
        ...(req.byContent ? ['-Zchecksum-freshness'] : []),
        'doc',
        '--no-deps',
        '--lib',
        '--keep-going',
        // cargo's package spec: a crate that depends on another version of itself (the "semver trick")
        // shares its name with that dependency, and `-p name` alone is ambiguous then.
        ...req.crates.flatMap(c => ['-p', `${c.name}@${c.version}`]),
        ...req.features
    ];
}
/** Documents the crates; every document is moved into `held` (a directory the caller removes). */
async function documentCrates(run, req, held) {
    const out = new Map();
    if (req.crates.length === 0)
        return out;
    const target = docTargetDir(req.targetDir);
    const file = (c) => path.join(target, 'doc', `${c.libName}.json`);
    // A document left by an earlier run must never be read as this run's.
    for (const c of req.crates)
        rmSync(file(c), { force: true });
    const flags = [process.env.RUSTDOCFLAGS ?? '', DOC_FLAGS].join(' ').trim();
    const doc = (byContent) => run('cargo', docCommand({ ...req, byContent }), {
        cwd: req.cwd,
        timeoutMs: DOC_TIMEOUT_MS,
        env: {
            RUSTC_BOOTSTRAP: '1',
            RUSTDOCFLAGS: flags,
            CARGO_TARGET_DIR: target,
            CARGO_TERM_COLOR: 'never'
        }
    });
    let r = await doc(!!req.byContent);
    // A cargo that no longer takes the unstable flag (stabilized or removed) is asked again without it.
    if (req.byContent && r.code !== 0 && !r.error && /checksum-freshness/.test(r.stderr))
        r = await doc(false);
    const failure = r.error ?? (r.code === 0 ? null : cargoError(r.stderr));
    for (const c of req.crates) {
        const aside = path.join(held, `${c.libName}.json`);
        try {
            renameSync(file(c), aside);
            out.set(c.name, { file: aside, what: `${c.name} (${req.side})` });
        }
        catch {
            out.set(c.name, {
                error: `rustdoc wrote no JSON for ${c.name} (${req.side})${failure ? `: ${failure}` : ''}`
            });
        }
    }
    return out;
}
/**
 * Where rustdoc runs build, apart from the gate's own units. rustdoc's JSON needs RUSTC_BOOTSTRAP=1,
 * and build scripts that probe for unstable features (anyhow's, proc-macro2's…) declare
 * `rerun-if-env-changed=RUSTC_BOOTSTRAP`: in the gate's target directory a documentation run would
 * rerun them, and the gate's next build would rebuild them and everything that depends on them.
 * `cargo doc` builds dependencies in check mode, which compile-once's build never shares; so apart,
 * it costs build scripts and proc-macros once per target directory (and, after a `cargo check`
 * build, the dependencies' check once more).
 */
function docTargetDir(targetDir) {
    return path.join(targetDir, 'build-gate', 'public-api', 'target');
}
/**
 * A fresh checkout gives every source a new modification time, so by mtime cargo would type-check
 * every dependency of a documented crate again on each run. In the documents' own target directory
 * (never the gate's: its fingerprints stay cargo's default) cargo may compare file contents instead;
 * RUSTC_BOOTSTRAP=1, which rustdoc's JSON needs anyway, lets it take the flag. Toolchains before
 * 1.83 do not know it, and an unknown toolchain is not asked.
 */
function checksumFreshness(rustcRelease) {
    const v = rustcRelease ? semverExports.coerce(rustcRelease) : null;
    return v !== null && semverExports.gte(v, '1.83.0');
}
/** A directory in the target directory for documents moved aside (renamed, never copied). */
function holdingDir(targetDir) {
    const parent = path.join(targetDir, 'build-gate', 'public-api');
    mkdirSync(parent, { recursive: true });
    return mkdtempSync(path.join(parent, 'doc-'));
}
/** Reads and checks one document moved aside, then removes it. */
function readDocument(w) {
    if ('error' in w)
        return w;
    try {
        let text;
        try {
            text = readFileSync(w.file, 'utf8');
        }
        catch (e) {
            return { error: `${w.what}: rustdoc's JSON could not be read (${e.message})` };
        }
        return { doc: readRustdoc(text, w.what) };
    }
    catch (e) {
        if (!(e instanceof RustdocFormatError))
            throw e;
        return { error: e.message };
    }
    finally {
        rmSync(w.file, { force: true });
    }
}
/** cargo's own error lines, briefly: what a user needs to see why documenting failed. */
function cargoError(stderr) {
    const lines = stderr.split('\n').filter(l => /^error/.test(l));
    return (lines.length > 0 ? lines.slice(0, 3) : stderr.trim().split('\n').slice(-3)).join(' ').slice(0, 500);
}

// The base side: a throw-away git worktree of the base commit (its own Cargo.lock, the head's target
// directory), its library members as cargo metadata lists them, and their documents. The worktree
// is made while the head is being documented, and removed whatever happens.
const LIB_KINDS$2 = ['lib', 'rlib', 'dylib', 'proc-macro'];
/** Checks the base out and reads its members; the worktree is removed if reading them fails. */
async function checkOutBase(run, at) {
    const dir = await addWorktree(run, at.repo, at.sha, at.changed);
    try {
        const ws = path.join(dir, at.wsRel);
        const members = existsSync(path.join(ws, 'Cargo.toml'))
            ? await baseMembers(run, ws, at.toolchain)
            : new Map();
        return { dir, ws, members };
    }
    catch (e) {
        await removeWorktree(run, at.repo, dir);
        throw e;
    }
}
/** Documents the named members of the base checkout (each by its base version). */
function documentBase(run, base, names, common, held) {
    return documentCrates(run, {
        ...common,
        cwd: base.ws,
        crates: names.map(name => ({
            name,
            version: base.members.get(name).version,
            libName: base.members.get(name).libName
        }))
    }, held);
}
/** Library members of the base workspace, with their versions and cargo features. */
async function baseMembers(run, ws, toolchain) {
    const r = await run('cargo', [...(toolchain ? [`+${toolchain}`] : []), 'metadata', '--format-version', '1', '--no-deps'], { cwd: ws, timeoutMs: 120_000 });
    if (r.error || r.code !== 0)
        throw new BaseUnavailable(`cargo metadata failed in the base revision: ${r.error ?? r.stderr.trim().split('\n').pop()}`);
    const meta = JSON.parse(r.stdout);
    const ids = new Set(meta.workspace_members);
    const out = new Map();
    for (const p of meta.packages) {
        const lib = p.targets.find(t => t.kind.some(k => LIB_KINDS$2.includes(k)));
        if (!ids.has(p.id) || !lib)
            continue;
        const file = path.relative(meta.workspace_root, p.manifest_path).split(path.sep).join('/');
        out.set(p.name, {
            version: p.version,
            libName: lib.name.replace(/-/g, '_'),
            features: manifestFeatures(file, p.features ?? {}, readText$1(p.manifest_path))
        });
    }
    return out;
}
function readText$1(file) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch {
        return null;
    }
}

const LIB_KINDS$1 = new Set(['lib', 'rlib', 'dylib', 'proc-macro']);
function selectCrates(members, listed) {
    const crates = [];
    const unpublished = [];
    const libs = new Set();
    for (const p of members) {
        const lib = p.targets.find(t => t.kind.some(k => LIB_KINDS$1.has(k)));
        if (!lib)
            continue;
        libs.add(p.name);
        // cargo metadata: `publish` is null (anywhere) or the allowed registries; [] is publish = false.
        const publish = p.publish;
        if (Array.isArray(publish) && publish.length === 0 && !listed.includes(p.name)) {
            unpublished.push(p.name);
            continue;
        }
        crates.push({
            id: p.id,
            name: p.name,
            version: p.version,
            libName: lib.name.replace(/-/g, '_'),
            manifestPath: p.manifest_path,
            features: p.features ?? {}
        });
    }
    return {
        crates: crates.sort((a, b) => byCodeUnit(a.name, b.name)),
        unpublished: unpublished.sort(),
        unknownListed: listed.filter(n => !libs.has(n))
    };
}
/** The feature selection of `check-args`, so the API is the one the gate built (and its artifacts reused). */
function featureArgs(checkArgs) {
    const out = [];
    for (let i = 0; i < checkArgs.length; i++) {
        const a = checkArgs[i];
        if (a === '--all-features' || a === '--no-default-features')
            out.push(a);
        else if ((a === '--features' || a === '-F') && i + 1 < checkArgs.length)
            out.push('--features', checkArgs[++i]);
        else if (a.startsWith('--features='))
            out.push(a);
    }
    return out;
}

const MAX_DEPTH$1 = 40;
/** How deep the type being rendered nests (rendering is synchronous): a bound against runaway input. */
let depth = 0;
function typeText(t, s) {
    if (t === null || t === undefined)
        return '()';
    if (depth > MAX_DEPTH$1)
        return '…';
    depth++;
    try {
        return render(t, s);
    }
    finally {
        depth--;
    }
}
function render(t, s) {
    const [kind, v] = Object.entries(t)[0] ?? ['?', null];
    switch (kind) {
        case 'primitive':
            return String(v);
        case 'generic': {
            const name = String(v);
            if (name === 'Self' && s.self !== null)
                return s.self;
            return s.params.get(name) ?? name;
        }
        case 'resolved_path': {
            const p = v;
            const aliased = p.id !== null && !p.args && s.alias ? s.alias(p.id) : undefined;
            if (aliased !== undefined)
                return typeText(aliased, s);
            return `⟦${s.name(p.id, p.path)}⟧${argsText(p.args, s)}`;
        }
        case 'dyn_trait': {
            const d = v;
            const parts = d.traits
                .map(x => `⟦${s.name(x.trait.id, x.trait.path)}⟧${argsText(x.trait.args, s)}`)
                .sort();
            if (d.lifetime === "'static")
                parts.push("'static");
            return `dyn ${parts.join(' + ')}`;
        }
        case 'borrowed_ref': {
            const r = v;
            return `&${r.lifetime === "'static" ? "'static " : ''}${r.is_mutable ? 'mut ' : ''}${typeText(r.type, s)}`;
        }
        case 'raw_pointer': {
            const r = v;
            return `*${r.is_mutable ? 'mut' : 'const'} ${typeText(r.type, s)}`;
        }
        case 'tuple':
            return `(${v.map(x => typeText(x, s)).join(', ')})`;
        case 'slice':
            return `[${typeText(v, s)}]`;
        case 'array': {
            const a = v;
            return `[${typeText(a.type, s)}; ${s.params.get(a.len) ?? a.len}]`;
        }
        case 'impl_trait':
            return `impl ${boundsText(v, s)
                .sort()
                .join(' + ')}`;
        case 'function_pointer': {
            const f = v;
            return `${headerText(f.header)}fn(${f.sig.inputs.map(([, x]) => typeText(x, s)).join(', ')}${f.sig.is_c_variadic ? ', ...' : ''}) -> ${typeText(f.sig.output, s)}`;
        }
        case 'qualified_path': {
            const q = v;
            const tr = q.trait ? ` as ⟦${s.name(q.trait.id, q.trait.path)}⟧${argsText(q.trait.args, s)}` : '';
            return `<${typeText(q.self_type, s)}${tr}>::${q.name}${argsText(q.args, s)}`;
        }
        case 'infer':
            return '_';
        default:
            return JSON.stringify(t, (key, x) => (key === 'id' ? undefined : x));
    }
}
function headerText(h) {
    if (!h)
        return '';
    const abi = abiText(h.abi);
    return `${h.is_unsafe ? 'unsafe ' : ''}${abi === 'Rust' ? '' : `extern "${abi}" `}`;
}
/** `"Rust"`, `{ "C": { "unwind": false } }`, `{ "Other": "…" }` → `Rust`, `C`, `C-unwind`, … */
function abiText(abi) {
    if (typeof abi === 'string')
        return abi;
    if (abi && typeof abi === 'object') {
        const [name, v] = Object.entries(abi)[0] ?? ['?', null];
        if (name === 'Other')
            return String(v);
        const unwind = v && typeof v === 'object' && v.unwind === true;
        return `${name}${unwind ? '-unwind' : ''}`;
    }
    return String(abi);
}
function argsText(args, s) {
    if (!args || typeof args !== 'object')
        return '';
    const a = args;
    if (a.angle_bracketed) {
        const ab = a.angle_bracketed;
        const parts = ab.args.map(x => genericArgText(x, s)).filter((x) => x !== null);
        for (const c of ab.constraints) {
            const b = c.binding;
            if (b.equality) {
                const term = b.equality;
                parts.push(`${c.name}${argsText(c.args, s)} = ${term.type !== undefined ? typeText(term.type, s) : JSON.stringify(term.constant)}`);
            }
            else if (b.constraint)
                parts.push(`${c.name}: ${boundsText(b.constraint, s)
                    .sort()
                    .join(' + ')}`);
        }
        return parts.length ? `<${parts.join(', ')}>` : '';
    }
    if (a.parenthesized) {
        const p = a.parenthesized;
        return `(${p.inputs.map(x => typeText(x, s)).join(', ')}) -> ${typeText(p.output, s)}`;
    }
    return '';
}
function genericArgText(arg, s) {
    if (typeof arg === 'string')
        return arg === 'infer' ? '_' : null;
    const a = arg;
    if (a.lifetime !== undefined)
        return a.lifetime === "'static" ? "'static" : null;
    if (a.type !== undefined)
        return typeText(a.type, s);
    if (a.const !== undefined) {
        const c = a.const;
        return c.value ?? s.params.get(c.expr) ?? c.expr;
    }
    return '_';
}
/** Each bound as text: `⟦core::clone::Clone⟧`, `?⟦core::marker::Sized⟧`, `'static`. */
function boundsText(bounds, s) {
    const out = [];
    for (const b of bounds) {
        const x = b;
        if (x.trait_bound) {
            const tb = x.trait_bound;
            const hr = tb.generic_params.length ? 'for<…> ' : '';
            const mod = tb.modifier === 'maybe' ? '?' : tb.modifier === 'maybe_const' ? '~const ' : '';
            out.push(`${hr}${mod}⟦${s.name(tb.trait.id, tb.trait.path)}⟧${argsText(tb.trait.args, s)}`);
        }
        else if (typeof x.outlives === 'string') {
            if (x.outlives === "'static")
                out.push("'static");
        }
        else if (x.use)
            out.push(`use<…>`);
    }
    return out;
}
/** The positional tokens of a generics list, to be added to a scope before rendering with it. */
function paramTokens(g, prefix = '') {
    const out = new Map();
    let t = 0;
    let c = 0;
    for (const p of g?.params ?? []) {
        if (p.kind.type && !p.kind.type.is_synthetic)
            out.set(p.name, `#${prefix}T${t++}`);
        else if (p.kind.const)
            out.set(p.name, `#${prefix}C${c++}`);
    }
    return out;
}
function genericsFacts(g, s) {
    const out = { lifetimes: [], types: [], consts: [], synthetic: 0, sequence: '', bounds: [] };
    const bounds = new Set();
    for (const p of g?.params ?? []) {
        if (p.kind.lifetime) {
            out.lifetimes.push(p.name);
            for (const o of p.kind.lifetime.outlives ?? [])
                bounds.add(`${p.name}: ${o}`);
        }
        else if (p.kind.type) {
            const t = p.kind.type;
            if (t.is_synthetic) {
                out.synthetic++;
                continue;
            }
            out.types.push({ name: p.name, hasDefault: t.default !== null && t.default !== undefined });
            out.sequence += 'T';
            const subject = s.params.get(p.name) ?? p.name;
            for (const b of boundsText(t.bounds, s))
                bounds.add(`${subject}: ${b}`);
        }
        else if (p.kind.const) {
            const c = p.kind.const;
            out.consts.push({
                name: p.name,
                hasDefault: c.default !== null && c.default !== undefined,
                type: typeText(c.type, s)
            });
            out.sequence += 'C';
        }
    }
    for (const w of g?.where_predicates ?? []) {
        if (w.bound_predicate) {
            const bp = w.bound_predicate;
            const subject = `${bp.generic_params.length ? 'for<…> ' : ''}${typeText(bp.type, s)}`;
            for (const b of boundsText(bp.bounds, s))
                bounds.add(`${subject}: ${b}`);
        }
        else if (w.lifetime_predicate) {
            const lp = w.lifetime_predicate;
            for (const o of lp.outlives)
                bounds.add(`${lp.lifetime}: ${o}`);
        }
        else if (w.eq_predicate) {
            const ep = w.eq_predicate;
            bounds.add(`${typeText(ep.lhs, s)} == ${ep.rhs.type !== undefined ? typeText(ep.rhs.type, s) : JSON.stringify(ep.rhs)}`);
        }
    }
    // `T: Sized` is what every parameter has unless it says `?Sized`.
    out.bounds = [...bounds].filter(b => !b.endsWith(': ⟦core::marker::Sized⟧')).sort();
    return out;
}
/** The std traits a bound implies (their supertraits), by canonical path. */
const STD_SUPERTRAITS = {
    'core::marker::Copy': ['core::clone::Clone'],
    'core::cmp::Eq': ['core::cmp::PartialEq'],
    'core::cmp::PartialOrd': ['core::cmp::PartialEq'],
    'core::cmp::Ord': ['core::cmp::Eq', 'core::cmp::PartialOrd', 'core::cmp::PartialEq'],
    'core::error::Error': ['core::fmt::Debug', 'core::fmt::Display'],
    'core::iter::traits::double_ended::DoubleEndedIterator': ['core::iter::traits::iterator::Iterator'],
    'core::iter::traits::exact_size::ExactSizeIterator': ['core::iter::traits::iterator::Iterator'],
    'core::iter::traits::marker::FusedIterator': ['core::iter::traits::iterator::Iterator'],
    'core::ops::function::Fn': ['core::ops::function::FnMut', 'core::ops::function::FnOnce'],
    'core::ops::function::FnMut': ['core::ops::function::FnOnce'],
    'core::ops::deref::DerefMut': ['core::ops::deref::Deref'],
    'core::ops::index::IndexMut': ['core::ops::index::Index'],
    'core::borrow::BorrowMut': ['core::borrow::Borrow']
};
/**
 * The bounds `bounds` imply, themselves included: std supertraits from a table, this crate's from
 * `supertraits` (trait path → its supertraits' paths). Only bounds without generic arguments expand.
 */
function impliedBounds(bounds, supertraits) {
    const out = new Set(bounds);
    const queue = [...bounds];
    while (queue.length) {
        const b = queue.pop();
        const m = /^(.*: )⟦([^⟧]+)⟧$/.exec(b);
        if (!m)
            continue;
        for (const sup of [...(STD_SUPERTRAITS[m[2]] ?? []), ...supertraits(m[2])]) {
            const implied = `${m[1]}⟦${sup}⟧`;
            if (!out.has(implied)) {
                out.add(implied);
                queue.push(implied);
            }
        }
    }
    return out;
}
/** The written path of an item, for items rustdoc names in `paths` (other crates' and this one's). */
function docPath(doc, id) {
    if (id === null || id === undefined)
        return null;
    const p = doc.paths[String(id)];
    return p ? p.path.join('::') : null;
}

const at = (item) => item ? { file: item.file, line: item.line } : null;
/**
 * A change found on a pair of items (`b` on the base, `h` on the head; either may be missing):
 * reported at the head's item when there is one, else at the base's.
 */
function change$1(cls, rule, b, h, what, breaks) {
    const item = (h ?? b);
    const side = h ? 'head' : 'base';
    return {
        class: cls,
        rule,
        path: item.path,
        kind: item.kind,
        what,
        side,
        file: item.file,
        line: item.line,
        base: at(b),
        head: at(h),
        ...(cls === 'breaking' || cls === 'warning' ? { breaks } : {})
    };
}
/** The last segments of a path, as code names it after a `use` of its module. */
function short(path, segments = 2) {
    return path.split('::').slice(-segments).join('::');
}
function diffContext(base, head, headWithHidden, baseWithHidden) {
    // The head's name for each of its items (its shortest path), by id.
    const canonical = new Map();
    for (const item of head.values())
        if (item.id !== null &&
            item.key.startsWith('type ') &&
            item.kind !== 'module' &&
            item.kind !== 're-export') {
            const known = canonical.get(item.id);
            if (known === undefined ||
                item.path.length < known.length ||
                (item.path.length === known.length && item.path < known))
                canonical.set(item.id, item.path);
        }
    const rename = (text) => text.replace(/⟦([^⟧]+)⟧/g, (whole, p) => {
        const h = head.get(`type ${p}`);
        const name = h && h.id !== null ? canonical.get(h.id) : undefined;
        return name ? `⟦${name}⟧` : whole;
    });
    const supertraits = (surface) => (path) => (surface.get(`type ${path}`)?.facts.trait?.implied ?? [])
        .map(x => /^⟦([^⟧]+)⟧$/.exec(x)?.[1])
        .filter((x) => !!x);
    return {
        base,
        head,
        baseWithHidden,
        headWithHidden,
        rename,
        implied: (bounds, side) => side === 'head'
            ? impliedBounds(bounds, supertraits(head))
            : new Set([...impliedBounds(bounds, supertraits(base))].map(rename))
    };
}
/** Items of `a` whose relative order differs in `b` (only the names both have count). */
function reordered(a, b) {
    const inB = new Set(b);
    const inA = new Set(a);
    const x = a.filter(n => inB.has(n));
    const y = b.filter(n => inA.has(n));
    return x.some((n, i) => n !== y[i]);
}

const FN_KINDS = new Set(['function', 'method', 'trait method']);
/** True when the trait the item belongs to can be implemented outside the crate (or may be). */
function implementable(item, cx) {
    if (item.kind !== 'trait method' && item.kind !== 'associated type' && item.kind !== 'associated constant')
        return false;
    const parent = item.parent ? cx.base.get(item.parent) : undefined;
    return parent?.facts.sealed === false;
}
function genericsRules(b, h, cx) {
    const gb = b.facts.generics;
    const gh = h.facts.generics;
    if (!gb || !gh)
        return [];
    const out = [];
    const name = short(h.path);
    const isFn = FN_KINDS.has(b.kind);
    const implemented = implementable(b, cx);
    if (isFn) {
        const count = (g, k) => g[k].length;
        for (const [k, rule, word] of [
            ['types', 'type-params-changed', 'type'],
            ['consts', 'const-params-changed', 'const']
        ]) {
            if (count(gb, k) === count(gh, k))
                continue;
            // With none before, no caller named them: only a parameter the arguments do not determine breaks calls.
            const breaksCalls = count(gb, k) > 0 || !inferable(h, k === 'types' ? 'T' : 'C');
            const what = `takes ${count(gh, k)} ${word} parameter(s), took ${count(gb, k)}`;
            out.push(breaksCalls || implemented
                ? change$1('breaking', rule, b, h, what, implemented
                    ? `an impl of the trait with the old \`${h.path.split('::').pop()}\``
                    : `\`${name}::<${Array(count(gb, k)).fill('_').join(', ')}>(…)\``)
                : change$1('changed', 'changed', b, h, `${what}, each one determined by the arguments`));
        }
        if (implemented && gb.lifetimes.length !== gh.lifetimes.length)
            out.push(change$1('breaking', 'lifetime-params-changed', b, h, `has ${gh.lifetimes.length} lifetime parameter(s), had ${gb.lifetimes.length}`, 'an impl of the trait that declares the old lifetimes'));
    }
    else {
        const required = (g, k) => g[k].filter(p => !p.hasDefault).length;
        for (const [k, rule, word] of [
            ['types', 'type-params-changed', 'type'],
            ['consts', 'const-params-changed', 'const']
        ]) {
            const more = required(gh, k) > required(gb, k);
            const fewer = gh[k].length < gb[k].length;
            if (more || fewer)
                out.push(change$1('breaking', rule, b, h, more
                    ? `requires ${required(gh, k)} ${word} parameter(s), required ${required(gb, k)}`
                    : `allows ${gh[k].length} ${word} parameter(s), allowed ${gb[k].length}`, `\`${name}<${Array(more ? required(gb, k) : gb[k].length)
                    .fill('_')
                    .join(', ')}>\``));
        }
        if (gb.lifetimes.length !== gh.lifetimes.length)
            out.push(change$1('breaking', 'lifetime-params-changed', b, h, `has ${gh.lifetimes.length} lifetime parameter(s), had ${gb.lifetimes.length}`, `\`${name}<${gb.lifetimes.map(() => "'a").join(', ')}${gb.lifetimes.length ? ', ' : ''}…>\` in a field or signature`));
    }
    const names = (g) => [...g.types.map(p => p.name), ...g.consts.map(p => p.name)];
    const permuted = gb.sequence === gh.sequence &&
        names(gb).length === names(gh).length &&
        names(gb).every(n => names(gh).includes(n)) &&
        names(gb).some((n, i) => names(gh)[i] !== n);
    // Parameters of two kinds swapped places, or same-named ones moved (a mere renaming keeps the shape).
    const reorder = (gb.sequence !== gh.sequence && [...gb.sequence].sort().join('') === [...gh.sequence].sort().join('')) ||
        (permuted && shapeChanged(b, h, cx));
    const order = (g) => {
        let t = 0;
        let c = 0;
        return [...g.sequence].map(k => (k === 'T' ? g.types[t++].name : g.consts[c++].name)).join(', ');
    };
    if (reorder)
        out.push(change$1('breaking', 'generics-reordered', b, h, `generic parameters reordered: <${order(gh)}>, were <${order(gb)}>`, `\`${name}::<…>\` or \`${name}<…>\` with the arguments in the old order`));
    if (!reorder && out.every(c => c.rule !== 'type-params-changed' && c.rule !== 'const-params-changed'))
        out.push(...boundRules(b, h, gb.bounds, gh.bounds, cx, implemented));
    return out;
}
/** What the parameters are used for changed, not only their names: a signature, a member's type. */
function shapeChanged(b, h, cx) {
    const shape = (item, rename) => JSON.stringify([item.facts.type, item.facts.fn?.inputs, item.facts.fn?.output].map(x => typeof x === 'string' ? rename(x) : Array.isArray(x) ? x.map(rename) : x));
    if (shape(b, cx.rename) !== shape(h, x => x))
        return true;
    for (const item of cx.base.values()) {
        if (!item.path.startsWith(`${b.path}::`) || item.parent === null)
            continue;
        const now = cx.head.get(item.key);
        if (now && shape(item, cx.rename) !== shape(now, x => x))
            return true;
    }
    return false;
}
/** Every type (or const) parameter of the head's function appears in a parameter's type. */
function inferable(h, letter) {
    const g = h.facts.generics;
    const n = letter === 'T' ? g.types.length : g.consts.length;
    const inputs = h.facts.fn?.inputs.join(' ') ?? '';
    for (let i = 0; i < n; i++)
        if (!new RegExp(`#${letter}${i}\\b`).test(inputs))
            return false;
    return true;
}
const MAYBE_SIZED = ': ?⟦core::marker::Sized⟧';
/** Stricter bounds break who names the item; looser ones break a trait method's implementors. */
function boundRules(b, h, baseBounds, headBounds, cx, implemented) {
    const out = [];
    const renamed = baseBounds.map(cx.rename);
    const impliedBase = cx.implied(baseBounds.filter(x => !x.endsWith(MAYBE_SIZED)), 'base');
    const impliedHead = cx.implied(headBounds.filter(x => !x.endsWith(MAYBE_SIZED)), 'head');
    const tightened = [
        ...headBounds.filter(x => !x.endsWith(MAYBE_SIZED) && !impliedBase.has(x)),
        ...renamed
            .filter(x => x.endsWith(MAYBE_SIZED) && !headBounds.includes(x))
            .map(x => `${x.slice(0, -MAYBE_SIZED.length)}: ⟦core::marker::Sized⟧`)
    ];
    const loosened = [
        ...renamed.filter(x => !x.endsWith(MAYBE_SIZED) && !impliedHead.has(x)),
        ...headBounds.filter(x => x.endsWith(MAYBE_SIZED) && !renamed.includes(x))
    ];
    const name = short(h.path);
    const words = (list) => list.map(x => plain(x, h.facts.generics)).join(', ');
    // An associated type's new bound binds only implementors: none outside a sealed trait.
    if (tightened.length && (b.kind !== 'associated type' || implemented))
        out.push(change$1('breaking', 'bounds-tightened', b, h, `stricter bounds: ${words(tightened)}`, b.kind === 'associated type'
            ? `an impl of the trait whose \`${h.path.split('::').pop()}\` does not meet ${words(tightened)}`
            : FN_KINDS.has(b.kind)
                ? `a call of \`${name}\` with a type that does not meet ${words(tightened)}`
                : `\`${name}<…>\` with a type that does not meet ${words(tightened)}`));
    if (loosened.length && (implemented || b.kind === 'associated type'))
        out.push(change$1('breaking', 'bounds-loosened', b, h, `bounds removed: ${words(loosened)}`, b.kind === 'associated type'
            ? `code that relies on \`${h.path.split('::').pop()}\` meeting ${words(loosened)}`
            : `an impl of the trait that repeats ${words(loosened)} (stricter than the trait)`));
    return out;
}
/** Comparable text as a user reads it: names without the ⟦⟧ marks, parameters by their names. */
function plain(text, g) {
    return text
        .replace(/⟦([^⟧]+)⟧/g, (_, p) => p.split('::').pop())
        .replace(/#([TC])(\d+)/g, (whole, k, i) => (k === 'T' ? g?.types : g?.consts)?.[Number(i)]?.name ?? whole.slice(1));
}

/** The prelude's traits (every edition): their methods resolve without an import. */
const PRELUDE_TRAITS = new Set([
    'Copy',
    'Send',
    'Sized',
    'Sync',
    'Unpin',
    'Drop',
    'Fn',
    'FnMut',
    'FnOnce',
    'Clone',
    'PartialEq',
    'PartialOrd',
    'Eq',
    'Ord',
    'AsRef',
    'AsMut',
    'Into',
    'From',
    'Default',
    'Iterator',
    'Extend',
    'IntoIterator',
    'DoubleEndedIterator',
    'ExactSizeIterator',
    'ToOwned',
    'ToString'
]);
const STD$1 = /^(core|alloc|std)::/;
function hiddenNow(b, h) {
    return change$1('breaking', 'now-hidden', b, h, `${b.kind} is now #[doc(hidden)]: no longer public API`, `\`${short(b.path)}\` (still compiles, but hidden items may change in any release)`);
}
function removed(b, cx) {
    const name = short(b.path);
    if (b.kind === 'field')
        return change$1('breaking', 'field-removed', b, undefined, 'public field removed', `\`value.${b.path.split('::').pop()}\` or a pattern or literal that names it`);
    if (b.kind === 'variant')
        return change$1('breaking', 'variant-removed', b, undefined, 'variant removed', `\`${name}\``);
    if (b.key.startsWith('symbol '))
        return change$1('breaking', 'export-symbol-changed', b, undefined, `no longer exports symbol \`${b.key.slice(7)}\``, `\`extern "C" { fn ${b.key.slice(7)}(…); }\` in code linked against it`);
    if (b.kind === 're-export')
        return change$1('changed', 'changed', b, undefined, `re-export of ${b.facts.source ?? 'another crate'} removed`);
    if ((b.kind === 'method' || (b.kind === 'associated constant' && b.key.startsWith('assoc '))) && b.parent) {
        const moved = movedToTrait(b, cx);
        if (moved)
            return moved;
    }
    return change$1('breaking', 'removed', b, undefined, `${b.kind} no longer reachable at this path`, b.kind === 'method' || b.kind === 'trait method'
        ? `\`value.${b.path.split('::').pop()}(…)\``
        : `\`use ${b.path};\``);
}
/** An inherent method now defined only in a trait impl: callers need the trait in scope. */
function movedToTrait(b, cx) {
    const owner = cx.head.get(b.parent);
    const method = b.path.split('::').pop();
    const impl = owner?.facts.impls?.find(i => !i.negative && i.kind !== 'auto' && i.items.includes(method));
    if (!owner || !impl)
        return null;
    const trait = impl.path.split('::').pop();
    const where = `moved into the impl of ${trait}`;
    if (STD$1.test(impl.path) && PRELUDE_TRAITS.has(trait))
        return change$1('changed', 'changed', b, undefined, `${where}, a prelude trait: calls still resolve`);
    const use = b.kind === 'method' ? `\`value.${method}(…)\`` : `\`${short(b.path)}\``;
    return change$1('breaking', 'method-moved-to-trait', b, undefined, `${where}: callers must import ${impl.path}`, `${use} without \`use ${impl.path};\``);
}
/** A literal can build it with public API: every field public, none hidden, not #[non_exhaustive]. */
function constructible(struct) {
    return struct.facts.allFieldsPublic === true && !struct.facts.hiddenFields && !struct.facts.nonExhaustive;
}
function addedMember(h, parentBase, parentHead) {
    const name = short(h.path);
    if (h.kind === 'variant') {
        if (!parentBase.facts.nonExhaustive && !parentHead.facts.nonExhaustive)
            return change$1('breaking', 'variant-added', undefined, h, 'variant added to an enum without #[non_exhaustive]', `\`match value { … }\` over \`${short(parentHead.path)}\` without a wildcard arm`);
        return change$1('addition', 'added', undefined, h, 'variant added to a #[non_exhaustive] enum');
    }
    if (h.kind === 'field' &&
        (parentBase.kind === 'struct' || parentBase.kind === 'variant') &&
        constructible(parentBase))
        return change$1('breaking', 'field-added', undefined, h, `field added to a ${parentBase.kind === 'variant' ? 'variant' : 'struct'} with only public fields`, `\`${short(parentHead.path)} { … }\` (a literal or pattern without \`${h.path.split('::').pop()}\`)`);
    if (parentBase.kind === 'trait' && !h.facts.hasDefault) {
        const sealed = parentBase.facts.sealed;
        if (sealed === false)
            return change$1('breaking', 'required-trait-item-added', undefined, h, `required ${h.kind} (no default) added to a trait that is not sealed`, `\`impl ${short(parentHead.path)} for MyType { … }\` without \`${name.split('::').pop()}\``);
        if (sealed === null)
            return change$1('changed', 'changed', undefined, h, `required ${h.kind} added to a trait that may be sealed`);
    }
    return change$1('addition', 'added', undefined, h, `${h.kind} added`);
}

const GENERIC = /#T\d|\bimpl /;
function signatureRules(b, h, cx) {
    const out = [];
    const name = short(h.path);
    const fb = b.facts;
    const fh = h.facts;
    if (fb.params !== undefined && fh.params !== undefined && fb.params !== fh.params)
        out.push(change$1('breaking', 'params-changed', b, h, `takes ${fh.params} parameter(s), took ${fb.params}`, `\`${name}(…)\` called with ${fb.params} argument(s)`));
    if (fb.unsafe === false && fh.unsafe === true)
        out.push(change$1('breaking', 'became-unsafe', b, h, `${h.kind} became unsafe`, `\`${name}\` used outside an \`unsafe\` block`));
    if (fb.fn && fh.fn)
        out.push(...fnRules(b, h, fb.fn, fh.fn, cx, out.length > 0));
    if (fb.type !== undefined && fh.type !== undefined && cx.rename(fb.type) !== fh.type) {
        const g = h.facts.generics;
        out.push(change$1('breaking', 'type-changed', b, h, `type is ${plain(fh.type, g)}, was ${plain(fb.type, g)}`, b.kind === 'field'
            ? `\`let x: ${plain(fb.type)} = value.${h.path.split('::').pop()};\``
            : `\`let x: ${plain(fb.type)} = ${name};\``));
    }
    if (fb.staticMut !== undefined && fh.staticMut !== undefined && fb.staticMut !== fh.staticMut)
        out.push(fh.staticMut
            ? change$1('breaking', 'static-mut-changed', b, h, 'static became `mut`', `\`${name}\` read outside an \`unsafe\` block`)
            : change$1('breaking', 'static-mut-changed', b, h, 'static is no longer `mut`', `\`unsafe { ${name} = … }\``));
    const helpers = (fh.helpers ?? []).filter(x => x);
    for (const helper of (fb.helpers ?? []).filter(x => !helpers.includes(x)))
        out.push(change$1('breaking', 'derive-helper-removed', b, h, `derive no longer accepts the helper attribute #[${helper}]`, `\`#[derive(${h.path.split('::').pop()})] struct S { #[${helper}] … }\``));
    return out;
}
function split(r) {
    const i = r.indexOf(' ');
    return i < 0 ? [r, ''] : [r.slice(0, i), r.slice(i + 1)];
}
function fnRules(b, h, fb, fh, cx, countChanged) {
    const out = [];
    const name = short(h.path);
    const method = h.path.split('::').pop();
    const implemented = implementable(b, cx);
    const impl = `an impl of the trait with the old \`${method}\``;
    if (fb.receiver !== fh.receiver) {
        const [mb, ib] = split(fb.receiver);
        const [mh, ih] = split(fh.receiver);
        const r = (m, i) => m === 'none'
            ? 'no self'
            : i === 'Self'
                ? `${m === 'ref' ? '&' : m === 'mut' ? '&mut ' : ''}self`
                : `self: ${m === 'ref' ? '&' : m === 'mut' ? '&mut ' : ''}${plain(i)}`;
        // A method call borrows as needed: `&self` → `&mut self` or `self` breaks it, `&mut self` → `&self` does not.
        const breaksCalls = mh === 'none' ||
            (mb !== 'none' && ib !== ih) ||
            (mb === 'ref' && (mh === 'mut' || mh === 'owned')) ||
            (mb === 'mut' && mh === 'owned');
        // Generic code calls trait methods as `Trait::method(value)`: any other receiver breaks it.
        const traitCall = b.kind === 'trait method' && mb !== 'none' && !(mb === 'mut' && mh === 'ref' && ib === ih);
        const what = `receiver is ${r(mh, ih)}, was ${r(mb, ib)}`;
        if (breaksCalls || implemented || traitCall)
            out.push(change$1('breaking', 'receiver-changed', b, h, what, breaksCalls
                ? `\`value.${method}()\` on a ${mb === 'ref' ? 'shared reference' : mb === 'mut' ? '`&mut` borrow' : 'value'}`
                : implemented
                    ? impl
                    : `\`${short(h.path)}(value)\` in generic code`));
        else
            out.push(change$1('changed', 'changed', b, h, what));
    }
    if (!countChanged) {
        const from = fb.receiver === 'none' || fh.receiver === 'none' ? 0 : 1;
        for (let i = from; i < fb.inputs.length && i < fh.inputs.length; i++) {
            const was = cx.rename(fb.inputs[i]);
            const now = fh.inputs[i];
            if (was === now)
                continue;
            const generalized = GENERIC.test(now) && !GENERIC.test(was);
            const g = h.facts.generics;
            const what = `parameter ${i + 1} is ${plain(now, g)}, was ${plain(was, g)}`;
            out.push(generalized && !implemented
                ? change$1('changed', 'changed', b, h, `${what} (generalized)`)
                : change$1('breaking', 'param-type-changed', b, h, what, implemented ? impl : `\`${name}(…)\` with a ${plain(was)} argument`));
        }
    }
    const wasOut = cx.rename(fb.output);
    if (fb.outputBounds && fh.outputBounds) {
        const implied = cx.implied(fh.outputBounds.map(x => `R: ${x}`), 'head');
        const lost = fb.outputBounds.map(cx.rename).filter(x => !implied.has(`R: ${x}`));
        const gained = fh.outputBounds.filter(x => !fb.outputBounds.map(cx.rename).includes(x));
        if (lost.length)
            out.push(change$1('breaking', 'impl-trait-changed', b, h, `returns impl ${fh.outputBounds.map(x => plain(x)).join(' + ')}, no longer ${lost.map(x => plain(x)).join(' + ')}`, `code that relies on \`${name}(…)\`'s result being ${lost.map(x => plain(x)).join(' + ')}`));
        else if (gained.length && implemented)
            out.push(change$1('breaking', 'impl-trait-changed', b, h, `returns impl ${fh.outputBounds.map(x => plain(x)).join(' + ')}`, impl));
    }
    else if (wasOut !== fh.output) {
        const g = h.facts.generics;
        const what = `returns ${plain(fh.output, g)}, returned ${plain(wasOut, g)}`;
        const unitAdded = wasOut === '()';
        // A concrete type where an impl Trait was: callers only relied on the traits, which it implements.
        const nowConcrete = fb.outputBounds && !fh.outputBounds && fh.output !== '()';
        if (implemented)
            out.push(change$1('breaking', 'return-type-changed', b, h, what, impl));
        else if (unitAdded && fh.exportName === null)
            out.push(change$1('changed', 'changed', b, h, what));
        else if (nowConcrete)
            out.push(change$1('changed', 'changed', b, h, `${what} (it implements what it returned before)`));
        else
            out.push(change$1('breaking', 'return-type-changed', b, h, what, `\`let x: ${plain(wasOut)} = ${name}(…);\``));
    }
    if (fb.isConst && !fh.isConst)
        out.push(change$1('breaking', 'const-removed', b, h, 'no longer a `const fn`', `\`const X: _ = ${name}(…);\``));
    if (fb.abi !== fh.abi)
        out.push(change$1('breaking', 'abi-changed', b, h, `ABI is extern "${fh.abi}", was extern "${fb.abi}"`, `\`let f: extern "${fb.abi}" fn(…) = ${name};\``));
    if (fb.exportName !== null && fb.exportName !== fh.exportName)
        out.push(change$1('breaking', 'export-symbol-changed', b, h, fh.exportName
            ? `exports symbol \`${fh.exportName}\`, exported \`${fb.exportName}\``
            : `no longer exports symbol \`${fb.exportName}\``, `\`extern "C" { fn ${fb.exportName}(…); }\` in code linked against it`));
    const added = fh.targetFeatures.filter(f => !fb.targetFeatures.includes(f));
    // Any #[target_feature] (even one every build has) makes a safe function unsafe to call.
    const newlyUnsafe = !fb.targetFeature && fh.targetFeature && !h.facts.unsafe;
    if (added.length || newlyUnsafe)
        out.push(change$1('breaking', 'target-feature-added', b, h, added.length
            ? `requires target feature(s) ${added.join(', ')}`
            : 'now has #[target_feature]: calls need `unsafe`', h.facts.unsafe
            ? `\`unsafe { ${name}(…) }\` on a CPU without ${added.join(', ')} (undefined behaviour)`
            : `\`${name}(…)\` called outside an \`unsafe\` block`));
    const removedFeatures = fb.targetFeatures.filter(f => !fh.targetFeatures.includes(f));
    if (implemented && removedFeatures.length)
        out.push(change$1('breaking', 'target-feature-removed', b, h, `no longer enables target feature(s) ${removedFeatures.join(', ')}`, `an impl of the trait whose \`${method}\` enables ${removedFeatures.join(', ')}`));
    if (implemented && b.facts.unsafe === true && h.facts.unsafe === false)
        out.push(change$1('breaking', 'trait-method-unsafe-removed', b, h, 'trait method is no longer unsafe', `an impl of the trait with \`unsafe fn ${method}\``));
    return out;
}

// The context facts are read in: how items are named, which this crate's items a user can name,
// this crate's supertraits, and the owner an item belongs to. Pure.
function scopeOf(ctx, params = new Map()) {
    const { doc } = ctx;
    return {
        name: ctx.name,
        params: new Map([...(ctx.params ?? []), ...params]),
        self: ctx.self ?? null,
        alias: id => {
            const item = doc.index[String(id)];
            if (!item || item.crate_id !== 0 || kindOf(item) !== 'type_alias')
                return undefined;
            const a = innerOf(item);
            return a.generics.params.length === 0 ? a.type : undefined;
        }
    };
}
const STD = new Set(['core', 'alloc', 'std']);
const NAMED_TYPES = new Set(['struct', 'enum', 'union', 'trait', 'trait alias', 'type alias']);
/** Names for facts: a public type by its shortest path in the surface, anything else by rustdoc's path. */
function factsContext(doc, surface, hidden) {
    const canonical = new Map();
    const nameable = new Set();
    for (const item of surface.values()) {
        if (item.id === null)
            continue;
        nameable.add(item.id);
        if (!NAMED_TYPES.has(item.kind) || item.kind === 're-export')
            continue;
        const known = canonical.get(item.id);
        if (known === undefined ||
            item.path.length < known.length ||
            (item.path.length === known.length && byCodeUnit(item.path, known) < 0))
            canonical.set(item.id, item.path);
    }
    // Other crates' items by crate and name: where they are defined inside may move between two
    // versions of a dependency. The standard library's paths and this crate's stay whole.
    const named = new Map();
    const name = (id, written) => {
        const known = id === null || id === undefined ? undefined : (canonical.get(id) ?? named.get(id));
        if (known)
            return known;
        const found = rustdocName(id, written);
        // Only a name from rustdoc's paths is the id's whatever the caller wrote.
        if (id !== null && id !== undefined && doc.paths[String(id)])
            named.set(id, found);
        return found;
    };
    const rustdocName = (id, written) => {
        const full = docPath(doc, id);
        if (!full)
            return written.split('::').pop() ?? written;
        const parts = full.split('::');
        const local = doc.paths[String(id)]?.crate_id === 0;
        return local || STD.has(parts[0]) || parts.length < 3 ? full : `${parts[0]}::${parts[parts.length - 1]}`;
    };
    let supers = null;
    const supertraits = (path) => {
        if (!supers) {
            supers = new Map();
            for (const item of Object.values(doc.index)) {
                if (item.crate_id !== 0 || kindOf(item) !== 'trait')
                    continue;
                const bounds = innerOf(item).bounds;
                supers.set(name(item.id, item.name ?? '?'), bounds.filter(b => b.trait_bound).map(b => name(b.trait_bound.trait.id, b.trait_bound.trait.path)));
            }
        }
        return supers.get(path) ?? [];
    };
    const implies = new Map((doc.target?.target_features ?? []).map(t => [t.name, t.implies_features]));
    // Features every build of the target has (sse2 on x86_64) change nothing for a caller.
    const everywhere = new Set((doc.target?.target_features ?? []).filter(t => t.globally_enabled).map(t => t.name));
    const features = (list) => {
        const out = new Set();
        const queue = [...list];
        while (queue.length) {
            const f = queue.pop();
            if (out.has(f))
                continue;
            out.add(f);
            queue.push(...(implies.get(f) ?? []));
        }
        return [...out].filter(f => !everywhere.has(f)).sort();
    };
    return { doc, name, nameable, supertraits, hidden, features };
}

// A type's trait impls (written, derived, blanket, and the auto traits rustdoc works out), a trait's
// supertraits, object safety and implementors, and whether a trait is sealed. Pure.
const STD_CRATES = new Set(['std', 'core', 'alloc']);
/** The auto traits users rely on (rustdoc also lists unstable ones, such as Freeze). */
const AUTO_TRAITS = {
    'core::marker::Send': 'Send',
    'core::marker::Sync': 'Sync',
    'core::marker::Unpin': 'Unpin',
    'core::panic::unwind_safe::UnwindSafe': 'UnwindSafe',
    'core::panic::unwind_safe::RefUnwindSafe': 'RefUnwindSafe'
};
const UNNAMEABLE = new Set([
    'core::marker::StructuralPartialEq',
    'core::marker::Freeze',
    'core::marker::UnsafeUnpin'
]);
function traitNameable(ctx, id) {
    if (id === null)
        return false;
    const item = ctx.doc.index[String(id)];
    if (item && item.crate_id === 0)
        return ctx.nameable.has(id);
    return true;
}
function implFacts(ctx, item, own) {
    const s = { ...scopeOf(ctx, own), self: null };
    const impls = [];
    let unsized = false;
    for (const implId of innerOf(item).impls ?? []) {
        const implItem = ctx.doc.index[String(implId)];
        if (!implItem || kindOf(implItem) !== 'impl' || ctx.hidden(implItem))
            continue;
        const i = innerOf(implItem);
        if (!i.trait)
            continue;
        const path = s.name(i.trait.id, i.trait.path);
        if (i.is_synthetic && path === 'core::marker::Sized') {
            unsized = unsized || i.is_negative;
            continue;
        }
        if (i.is_synthetic && !AUTO_TRAITS[path])
            continue;
        // Unstable markers users cannot name (derive(PartialEq) adds StructuralPartialEq).
        if (UNNAMEABLE.has(path))
            continue;
        if (!traitNameable(ctx, i.trait.id))
            continue;
        // A blanket impl only says which trait (and which methods) the type gets; an auto trait's impl
        // is for the type itself, under conditions.
        const blanket = !!i.blanket_impl;
        const plain = blanket || i.is_synthetic;
        impls.push({
            trait: plain ? `⟦${path}⟧` : `⟦${path}⟧${argsOf(i, s)}`,
            path,
            kind: i.is_synthetic ? 'auto' : blanket ? 'blanket' : 'impl',
            derived: hasAttr(implItem, 'automatically_derived'),
            negative: i.is_negative,
            where: blanket || (i.generics.where_predicates.length === 0 && i.generics.params.length === 0)
                ? []
                : genericsFacts(i.generics, s).bounds,
            for: plain ? '' : typeText(i.for, s),
            // What the impl defines and what the trait provides: all of it callable on the type.
            items: [
                ...i.items.map(id => ctx.doc.index[String(id)]?.name).filter((n) => !!n),
                ...(i.provided_trait_methods ?? [])
            ]
        });
    }
    return { impls, unsized };
}
function argsOf(i, s) {
    const text = typeText({ resolved_path: { path: '', id: null, args: i.trait?.args ?? null } }, s);
    return text.replace(/^⟦[^⟧]*⟧/, '');
}
function traitFacts(ctx, item, generics, s) {
    const t = innerOf(item);
    const supers = new Set(boundsText(t.bounds, s));
    for (const b of generics.bounds)
        if (b.startsWith('Self: '))
            supers.add(b.slice('Self: '.length));
    const supertraits = [...supers].sort();
    const implied = [
        ...impliedBounds(supertraits.map(x => `Self: ${x}`), ctx.supertraits)
    ]
        .map(x => x.slice('Self: '.length))
        .sort();
    const implementors = [];
    for (const id of t.implementations ?? []) {
        const implItem = ctx.doc.index[String(id)];
        if (!implItem || kindOf(implItem) !== 'impl' || ctx.hidden(implItem))
            continue;
        const i = innerOf(implItem);
        if (i.blanket_impl || i.is_synthetic || i.is_negative)
            continue;
        // Impls for this crate's types are listed on the type.
        const forId = i.for.resolved_path?.id;
        const forItem = forId === undefined ? undefined : ctx.doc.index[String(forId)];
        if (forItem && forItem.crate_id === 0)
            continue;
        implementors.push(`${typeText(i.for, s)}${argsOf(i, s) ? ` as ${argsOf(i, s)}` : ''}`);
    }
    return {
        unsafe: t.is_unsafe,
        dynCompatible: t.is_dyn_compatible ?? t.is_object_safe ?? true,
        supertraits,
        implied,
        implementors: implementors.sort()
    };
}
function requiredHidden(item) {
    if (!item || !isDocHidden(item))
        return false;
    const inner = innerOf(item);
    const kind = kindOf(item);
    return kind === 'function'
        ? !inner.has_body
        : kind === 'assoc_type'
            ? !inner.type
            : kind === 'assoc_const'
                ? inner.value === null
                : false;
}
/**
 * A trait is sealed when a supertrait is a trait of this crate that users cannot name (or is itself
 * sealed): nobody outside can implement it. Unknown (null) when a bound or where-clause is not one
 * whose meaning is sure here (another crate's trait, a where-clause).
 */
function markSealed(doc, surface) {
    const publicTraits = new Set();
    for (const item of surface.values())
        if (item.kind === 'trait' && item.id !== null)
            publicTraits.add(item.id);
    const memo = new Map();
    const sealed = (id, stack) => {
        if (memo.has(id))
            return memo.get(id);
        if (stack.includes(id))
            return null;
        const item = doc.index[String(id)];
        if (!item || kindOf(item) !== 'trait')
            return null;
        const t = innerOf(item);
        // A required item only hidden API can name: implementing it is not public API.
        if (t.items.some(i => requiredHidden(doc.index[String(i)])))
            return (memo.set(id, true), true);
        let result = t.generics.where_predicates.length > 0 ? null : false;
        for (const bound of t.bounds) {
            const tb = bound.trait_bound;
            if (!tb)
                continue;
            const superId = tb.trait.id;
            const superItem = doc.index[String(superId)];
            if (superItem && superItem.crate_id === 0) {
                if (!publicTraits.has(superId))
                    return (memo.set(id, true), true);
                const s = sealed(superId, [...stack, id]);
                if (s === true)
                    return (memo.set(id, true), true);
                if (s === null)
                    result = null;
            }
            else {
                const crate = doc.paths[String(superId)]?.crate_id;
                const name = crate === undefined ? undefined : doc.external_crates[String(crate)]?.name;
                if (!name || !STD_CRATES.has(name))
                    result = null;
            }
        }
        memo.set(id, result);
        return result;
    };
    for (const item of surface.values())
        if (item.kind === 'trait' && item.id !== null)
            item.facts.sealed = sealed(item.id, []);
}

// Traits: supertraits, defaults of associated items, unsafety, object safety, sealing, and the trait
// impls of a type (written, derived, auto traits, Sized) or of a trait for other crates' types. Pure.
function traitRules(b, h, cx) {
    if (b.kind === 'trait' && h.kind === 'trait')
        return traitItself(b, h, cx);
    if (b.facts.impls && h.facts.impls)
        return implRules(b, h, cx);
    if (b.kind === 'associated type' || b.kind === 'associated constant' || b.kind === 'trait method')
        return traitMember(b, h, cx);
    return [];
}
function traitItself(b, h, cx) {
    const out = [];
    const tb = b.facts.trait;
    const th = h.facts.trait;
    if (!tb || !th)
        return out;
    const name = short(h.path);
    const open = b.facts.sealed === false;
    const impliedBase = cx.implied(tb.supertraits.map(x => `Self: ${x}`), 'base');
    const impliedHead = cx.implied(th.supertraits.map(x => `Self: ${x}`), 'head');
    const added = th.supertraits.filter(x => !impliedBase.has(`Self: ${x}`));
    const removed = tb.supertraits.map(cx.rename).filter(x => !impliedHead.has(`Self: ${x}`));
    if (added.length && open)
        out.push(change$1('breaking', 'supertrait-added', b, h, `new supertrait(s): ${added.map(x => plain(x)).join(', ')}`, `\`impl ${name} for MyType {}\` where MyType is not ${added.map(x => plain(x)).join(' + ')}`));
    else if (added.length && b.facts.sealed === null)
        out.push(change$1('changed', 'changed', b, h, `new supertrait(s) of a trait that may be sealed: ${added.map(x => plain(x)).join(', ')}`));
    if (removed.length)
        out.push(change$1('breaking', 'supertrait-removed', b, h, `supertrait(s) removed: ${removed.map(x => plain(x)).join(', ')}`, `\`fn f<T: ${name}>(t: T)\` that uses T as ${removed.map(x => plain(x)).join(' + ')}`));
    if (open && tb.unsafe !== th.unsafe)
        out.push(change$1('breaking', 'trait-unsafe-changed', b, h, th.unsafe ? 'trait became unsafe' : 'trait is no longer unsafe', th.unsafe
            ? `\`impl ${name} for MyType {}\` (now needs \`unsafe impl\`)`
            : `\`unsafe impl ${name} for MyType {}\``));
    if (tb.dynCompatible && !th.dynCompatible)
        out.push(change$1('breaking', 'no-longer-dyn-compatible', b, h, 'trait is no longer dyn compatible (object safe)', `\`Box<dyn ${name}>\``));
    if (b.facts.sealed === false && h.facts.sealed === true)
        out.push(change$1('breaking', 'trait-sealed', b, h, 'trait became sealed: it can no longer be implemented outside the crate', `\`impl ${name} for MyType { … }\``));
    const implementors = new Set(th.implementors);
    for (const t of tb.implementors.map(cx.rename))
        if (!implementors.has(t))
            out.push(change$1('breaking', 'trait-impl-removed', b, h, `no longer implemented for ${plain(t)}`, `\`<${plain(t)} as ${name}>::…\` or a ${plain(t)} passed where ${name} is required`));
    return out;
}
function traitMember(b, h, cx) {
    const out = [];
    const member = h.path.split('::').pop();
    const trait = short(h.path.split('::').slice(0, -1).join('::'));
    if (b.facts.hasDefault && h.facts.hasDefault === false && implementable(b, cx))
        out.push(change$1('breaking', 'default-removed', b, h, `${h.kind} no longer has a default`, `\`impl ${trait} for MyType { … }\` without \`${member}\``));
    if (b.kind === 'associated type' && b.facts.bounds && h.facts.bounds)
        out.push(...boundRules(b, h, b.facts.bounds.map(x => `Self: ${x}`), h.facts.bounds.map(x => `Self: ${x}`), cx, implementable(b, cx)));
    return out;
}
/** Impls a user can rely on: written or derived (not blanket), and positive. */
function implKey(i) {
    return `${i.trait} for ${i.for}`;
}
function implRules(b, h, cx) {
    const out = [];
    const name = short(h.path);
    const headImpls = h.facts.impls;
    const positive = headImpls.filter(i => !i.negative);
    const headKeys = new Set(positive.map(implKey));
    const headPaths = new Set(positive.filter(i => i.kind !== 'impl').map(i => i.path));
    for (const i of b.facts.impls) {
        if (i.kind !== 'impl' || i.negative || AUTO_TRAITS[i.path])
            continue;
        const key = cx.rename(implKey(i));
        if (headKeys.has(key) || headPaths.has(cx.rename(`⟦${i.path}⟧`).slice(1, -1)))
            continue;
        out.push(change$1('breaking', 'trait-impl-removed', b, h, `no longer implements ${plain(cx.rename(i.trait))}${i.derived ? ' (derived before)' : ''}`, `a \`${name}\` used as ${plain(cx.rename(i.trait))}${i.items.length ? ` (e.g. \`.${i.items[0]}(…)\`)` : ''}`));
    }
    for (const [path, auto] of Object.entries(AUTO_TRAITS)) {
        const was = b.facts.impls.find(i => i.path === path && !i.negative);
        if (!was)
            continue;
        const now = positive.find(i => i.path === path);
        // A condition on a new parameter binds no existing use: with a default it holds as before,
        // without one the type's new arity breaks users already.
        const known = b.facts.generics?.types.length ?? 0;
        const added = new Set((h.facts.generics?.types ?? []).map((_, i) => `#T${i}`).slice(known));
        const stricter = now
            ? now.where.filter(w => !was.where.map(cx.rename).includes(w) && !added.has(w.split(':')[0]))
            : [];
        if (!now || stricter.length)
            out.push(change$1('breaking', 'auto-trait-lost', b, h, now ? `is ${auto} only when ${stricter.map(x => plain(x)).join(', ')}` : `no longer ${auto}`, `\`fn needs_${auto.toLowerCase()}<T: ${auto}>() {}\` called with \`${name}\``));
    }
    const copy = (impls) => impls.some(i => i.path === 'core::marker::Copy' && !i.negative);
    if (!copy(b.facts.impls) && copy(headImpls))
        out.push(change$1('breaking', 'copy-impl-added', b, h, 'now implements Copy: closures that used it by value now borrow it', `\`thread::spawn(|| drop(value))\` with a \`${name}\` (no longer moved into the closure)`));
    if (!b.facts.unsized && h.facts.unsized)
        out.push(change$1('breaking', 'no-longer-sized', b, h, 'no longer Sized', `\`fn f(value: ${name})\` (a by-value use)`));
    return out;
}

const FORM_WORDS = { unit: 'a unit', tuple: 'a tuple', plain: 'a braced' };
function reprText(r) {
    if (!r)
        return 'no repr';
    const parts = [
        ...(r.c ? ['C'] : []),
        ...(r.transparent ? ['transparent'] : []),
        ...(r.int ? [r.int] : []),
        ...(r.align ? [`align(${r.align})`] : []),
        ...(r.packed ? [`packed(${r.packed})`] : [])
    ];
    return parts.length ? `repr(${parts.join(', ')})` : 'no repr';
}
function typeRules(b, h, cx) {
    const out = [];
    const name = short(h.path);
    const rb = b.facts.repr;
    const rh = h.facts.repr;
    if (b.facts.repr !== undefined) {
        const lost = [];
        if (rb?.c && !rh?.c)
            lost.push('repr(C) removed');
        // Transparent over a private field is not a promise rustdoc makes public.
        if (rb?.transparent && !rh?.transparent && (b.facts.order ?? []).length > 0)
            lost.push('repr(transparent) removed');
        if (rb?.int && rb.int !== rh?.int)
            lost.push(rh?.int ? `repr(${rb.int}) is now repr(${rh.int})` : `repr(${rb.int}) removed`);
        if ((rb?.align ?? null) !== (rh?.align ?? null))
            lost.push(`alignment is ${rh?.align ? `align(${rh.align})` : 'the default'}, was ${rb?.align ? `align(${rb.align})` : 'the default'}`);
        if ((rb?.packed ?? null) !== (rh?.packed ?? null))
            lost.push(`packing is ${rh?.packed ? `packed(${rh.packed})` : 'none'}, was ${rb?.packed ? `packed(${rb.packed})` : 'none'}`);
        if (lost.length)
            out.push(change$1('breaking', 'repr-changed', b, h, `${lost.join(', ')} (${reprText(rh)}, was ${reprText(rb)})`, `code that relies on \`${name}\`'s layout: FFI, \`transmute\`, \`size_of\`/\`align_of\``));
    }
    if (b.kind === 'enum' && h.kind === 'enum')
        out.push(...discriminantRules(b, h, cx));
    if (b.kind === 'variant' && h.kind === 'variant') {
        // A #[non_exhaustive] variant is only matched as `V { .. }`, which fits every kind; `V {}` also
        // builds and matches a unit variant.
        const emptyBraced = b.facts.form === 'plain' &&
            h.facts.form === 'unit' &&
            (b.facts.order ?? []).length === 0 &&
            !b.facts.hiddenFields;
        if (b.facts.form !== h.facts.form && !b.facts.nonExhaustive && !emptyBraced)
            out.push(change$1('breaking', 'variant-kind-changed', b, h, `is ${FORM_WORDS[h.facts.form]} variant, was ${FORM_WORDS[b.facts.form]} variant`, `\`${name}${b.facts.form === 'unit' ? '' : b.facts.form === 'tuple' ? '(..)' : ' { .. }'}\` as a pattern or constructor`));
        if (!b.facts.nonExhaustive && h.facts.nonExhaustive)
            out.push(change$1('breaking', 'variant-non-exhaustive-added', b, h, 'variant newly marked #[non_exhaustive]', `\`${name}${b.facts.form === 'unit' ? '' : b.facts.form === 'tuple' ? '(…)' : ' { … }'}\` built or matched outside the crate`));
    }
    if (b.kind === 'struct' && h.kind === 'struct' && b.facts.form !== h.facts.form) {
        const constructible = b.facts.allFieldsPublic === true && !b.facts.hiddenFields && !b.facts.nonExhaustive;
        const what = `is ${FORM_WORDS[h.facts.form]} struct, was ${FORM_WORDS[b.facts.form]} struct`;
        out.push(constructible
            ? change$1('breaking', 'struct-kind-changed', b, h, what, `\`${name}${b.facts.form === 'unit' ? '' : b.facts.form === 'tuple' ? '(…)' : ' { … }'}\` as a constructor or pattern`)
            : change$1('changed', 'changed', b, h, `${what} (no field was public)`));
    }
    return out;
}
function discriminantRules(b, h, cx) {
    const out = [];
    // A discriminant is public when `as` can read it, or when an integer repr makes it the layout.
    const visible = b.facts.castable === true || !!b.facts.repr?.int;
    if (!visible)
        return out;
    if (b.facts.castable && h.facts.castable === false && !b.facts.repr?.int)
        out.push(change$1('breaking', 'no-longer-castable', b, h, 'a variant with fields (or #[non_exhaustive]) was added: the enum can no longer be cast with `as`', `\`${short(h.path)}::… as i32\``));
    for (const [variant, value] of Object.entries(b.facts.discriminants ?? {})) {
        const now = h.facts.discriminants?.[variant];
        if (now === undefined || now === value)
            continue;
        const vb = cx.baseWithHidden.get(`variant ${b.path}::${variant}`);
        const vh = cx.headWithHidden.get(`variant ${h.path}::${variant}`);
        if (!vh)
            continue;
        out.push(change$1('breaking', 'discriminant-changed', vb ?? b, vh, `discriminant is ${now}, was ${value}`, `\`${short(vh.path)} as i64 == ${value}\``));
    }
    return out;
}
/** An item that became another kind of item under the same name (a struct now an enum, a type alias…). */
function kindRules(b, h, cx) {
    const what = `was ${article(b.kind)}, now ${article(h.kind)}`;
    const name = short(h.path);
    // A static is used like the constant it was, except in const contexts (patterns, array lengths).
    if (b.kind === 'static' && h.kind === 'constant')
        return [change$1('changed', 'changed', b, h, `${what} (one value per use now)`)];
    if (b.kind === 'constant' && h.kind === 'static')
        return [
            change$1('breaking', 'kind-changed', b, h, what, `\`${name}\` as a pattern (\`matches!(x, ${name})\`)`)
        ];
    if (b.kind === 'struct' && h.kind === 'type alias') {
        // Through an alias of a struct of the same kind and generics, a braced struct is still named,
        // built and matched; a tuple or unit struct loses its constructor.
        const gb = b.facts.generics;
        const gh = h.facts.generics;
        const target = /^⟦([^⟧]+)⟧/.exec(h.facts.type ?? '')?.[1];
        const aliased = target ? cx.head.get(`type ${target}`) : undefined;
        const sameGenerics = !!gb &&
            !!gh &&
            gb.lifetimes.length === gh.lifetimes.length &&
            gb.sequence === gh.sequence &&
            gb.types.every((t, i) => t.hasDefault === gh.types[i].hasDefault) &&
            gb.consts.every((t, i) => t.hasDefault === gh.consts[i].hasDefault);
        const named = aliased ? { kind: aliased.kind, form: aliased.facts.form } : h.facts.aliased;
        const sameStruct = named?.kind === 'struct' && named.form === b.facts.form;
        const constructor = b.facts.form !== 'plain' && b.facts.allFieldsPublic === true && !b.facts.nonExhaustive;
        if (sameGenerics && sameStruct && !constructor)
            return [change$1('changed', 'changed', b, h, `${what} of a struct with the same generics`)];
        const why = !sameStruct
            ? `${what} of ${named ? article(named.kind) : 'another type'}`
            : !sameGenerics
                ? `${what} with other generics`
                : `${what}: an alias has no ${b.facts.form === 'unit' ? 'unit value' : 'tuple constructor'}`;
        return [
            change$1('breaking', 'kind-changed', b, h, why, !sameGenerics
                ? `\`${name}<…>\` with the struct's generic arguments`
                : `\`${name}${b.facts.form === 'unit' ? '' : b.facts.form === 'tuple' ? '(…)' : ' { .. }'}\``)
        ];
    }
    return [change$1('breaking', 'kind-changed', b, h, what, `code that uses \`${name}\` as ${article(b.kind)}`)];
}
function article(kind) {
    return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

const PARTIAL_ORD = 'core::cmp::PartialOrd';
function derivesPartialOrd(item) {
    return !!item?.facts.impls?.some(i => i.path === PARTIAL_ORD && i.derived && !i.negative);
}
function warningRules(b, h, cx) {
    const out = [];
    const name = short(h.path);
    // Variants take the enum's derives and repr.
    const ownerB = b.kind === 'variant' && b.parent ? cx.base.get(b.parent) : b;
    const ownerH = h.kind === 'variant' && h.parent ? cx.head.get(h.parent) : h;
    const order = b.facts.order && h.facts.order && reordered(b.facts.order, h.facts.order);
    const what = b.kind === 'enum' ? 'variants' : 'fields';
    if (order && derivesPartialOrd(ownerB) && derivesPartialOrd(ownerH))
        out.push(change$1('warning', 'partial-ord-order-changed', b, h, `${what} reordered under #[derive(PartialOrd)]: ${h.facts.order.join(', ')} (was ${b.facts.order.join(', ')})`, `\`a < b\` on two \`${short(ownerH.path)}\` values now compares in another order`));
    if (order && what === 'fields' && ownerB?.facts.repr?.c && ownerH?.facts.repr?.c)
        out.push(change$1('warning', 'repr-c-order-changed', b, h, `fields reordered under repr(C): ${h.facts.order.join(', ')} (was ${b.facts.order.join(', ')})`, `C code (or \`offset_of!\`) that expects the old field offsets of \`${name}\``));
    if (b.facts.mustUse === false && h.facts.mustUse === true)
        out.push(change$1('warning', 'must-use-added', b, h, '#[must_use] added', b.kind === 'function' || b.kind === 'method' || b.kind === 'trait method'
            ? `\`${name}(…);\` (the result dropped) now warns`
            : `a dropped \`${name}\` value now warns`));
    return out;
}

/**
 * `headWithHidden`/`baseWithHidden`: each side's surface with `#[doc(hidden)]` items: what is hidden
 * on the head was not removed (it became hidden); what was hidden on the base is not new.
 */
function diffSurfaces(base, head, headWithHidden = head, baseWithHidden = base) {
    const cx = diffContext(base, head, headWithHidden, baseWithHidden);
    const changes = [];
    const gone = typePaths(base, headWithHidden);
    const hiddenNowPaths = new Set([...typePaths(base, head)].filter(p => !gone.has(p)));
    const fresh = typePaths(head, baseWithHidden);
    const reshaped = new Set();
    for (const b of base.values()) {
        const h = head.get(b.key);
        const stillThere = headWithHidden.get(b.key);
        if (h) {
            const found = compare(b, h, cx);
            if (found.some(c => c.rule === 'kind-changed' || c.rule === 'variant-kind-changed' || c.rule === 'struct-kind-changed'))
                reshaped.add(b.key);
            changes.push(...found);
        }
        else if (stillThere) {
            // Reported once, at the outermost item that became hidden.
            if (!under(b.path, hiddenNowPaths))
                changes.push(hiddenNow(b, stillThere));
        }
        else if (!under(b.path, gone) && (!b.parent || headWithHidden.has(b.parent))) {
            const parentB = b.parent ? base.get(b.parent) : undefined;
            const parentH = b.parent ? head.get(b.parent) : undefined;
            if (parentB && parentH && parentB.kind !== parentH.kind) {
                // Reported on the parent; through an alias, members are those of the aliased type.
                const target = parentH.kind === 'type alias' ? aliasTarget(parentH, cx) : undefined;
                if (!target)
                    continue;
                const moved = head.get(`${b.key.slice(0, b.key.indexOf(' '))} ${target}::${b.path.split('::').pop()}`);
                changes.push(...(moved ? compare(b, moved, cx) : [removed(b, cx)]));
            }
            else {
                const gone = removed(b, cx);
                // Where what held it is now: a removed field is looked for in its struct.
                if (parentH)
                    gone.head = { file: parentH.file, line: parentH.line };
                changes.push(gone);
            }
        }
    }
    // Hidden members count where they break users (a required trait item, a variant, a field a literal
    // must name); what was hidden on the base and is visible now is not new.
    for (const h of headWithHidden.values()) {
        if (base.has(h.key) || baseWithHidden.has(h.key))
            continue;
        if (h.parent && reshaped.has(h.parent))
            continue;
        const visible = head.has(h.key);
        const parentBase = h.parent ? base.get(h.parent) : undefined;
        const parentHead = h.parent ? headWithHidden.get(h.parent) : undefined;
        if (parentBase && parentHead) {
            const added = addedMember(h, parentBase, parentHead);
            if (visible || added.class === 'breaking')
                changes.push(added);
        }
        else if (visible && !under(h.path, fresh) && !h.parent)
            changes.push(change$1('addition', 'added', undefined, h, `${h.kind} added`));
    }
    const order = { breaking: 0, warning: 1, changed: 2, addition: 3 };
    return dedupe(changes).sort((a, b) => order[a.class] - order[b.class] || byCodeUnit(a.path, b.path));
}
/** The item a type alias names, when it is a type of the head's surface. */
function aliasTarget(alias, cx) {
    const m = /^⟦([^⟧]+)⟧/.exec(alias.facts.type ?? '');
    return m && cx.head.has(`type ${m[1]}`) ? m[1] : undefined;
}
/** Paths of type-namespace items (modules, types, traits) of `a` that `b` lacks. */
function typePaths(a, b) {
    const out = new Set();
    for (const item of a.values())
        if (item.key.startsWith('type ') && !b.has(item.key))
            out.add(item.path);
    return out;
}
/** True when a proper prefix of `path` is in `set`: the change is reported on that ancestor. */
function under(path, set) {
    const parts = path.split('::');
    for (let i = parts.length - 1; i > 0; i--)
        if (set.has(parts.slice(0, i).join('::')))
            return true;
    return false;
}
function compare(b, h, cx) {
    if (b.kind !== h.kind)
        return b.kind === 're-export' || h.kind === 're-export'
            ? [change$1('changed', 'changed', b, h, `was a ${b.kind}, now a ${h.kind}`)]
            : kindRules(b, h, cx);
    const out = [
        ...signatureRules(b, h, cx),
        ...genericsRules(b, h, cx),
        ...typeRules(b, h, cx),
        ...traitRules(b, h, cx),
        ...exhaustiveness(b, h, cx),
        ...warningRules(b, h, cx)
    ];
    if (out.some(c => c.class === 'breaking' || c.class === 'warning'))
        return out;
    const differs = FALLBACK_KEYS.filter(k => JSON.stringify(b.facts[k]) !== JSON.stringify(h.facts[k]));
    if (differs.length > 0 && out.length === 0)
        out.push(change$1('changed', 'changed', b, h, describe(b, h, differs)));
    return out;
}
const FALLBACK_KEYS = [
    'signature',
    'nonExhaustive',
    'hasDefault',
    'unsafe',
    'allFieldsPublic',
    'source'
];
/** #[non_exhaustive] added, and private fields added to a struct users could build. */
function exhaustiveness(b, h, cx) {
    const out = [];
    const name = short(h.path);
    // Under #[non_exhaustive] a struct can no longer be built outside, even with `..base`.
    const fillable = b.facts.allFieldsPublic === true && !b.facts.nonExhaustive;
    if ((b.kind === 'enum' || b.kind === 'struct') && !b.facts.nonExhaustive && h.facts.nonExhaustive) {
        if (b.kind === 'enum' || fillable)
            out.push(change$1('breaking', 'non-exhaustive-added', b, h, `${h.kind} newly marked #[non_exhaustive]`, b.kind === 'enum'
                ? `\`match value { … }\` over \`${name}\` without a wildcard arm`
                : `\`${name} { … }\` (a struct literal)`));
        else
            out.push(change$1('changed', 'changed', b, h, `${h.kind} newly marked #[non_exhaustive] (it had private fields)`));
    }
    if ((b.kind === 'struct' || b.kind === 'variant') &&
        b.facts.form === h.facts.form &&
        fillable &&
        h.facts.allFieldsPublic === false &&
        !h.facts.nonExhaustive &&
        !madePrivate(b, cx))
        out.push(change$1('breaking', 'field-added', b, h, `private field added to a ${b.kind} with only public fields`, `\`${name} { …, ..other }\` or a literal`));
    return out;
}
/** A public field of the base struct is no longer public: that is reported as removed, not as added. */
function madePrivate(b, cx) {
    for (const item of cx.base.values())
        if (item.parent === b.key && !cx.head.has(item.key))
            return true;
    return false;
}
function describe(b, h, keys) {
    const words = [];
    for (const k of keys) {
        if (k === 'signature')
            words.push(b.kind === 'field' ? 'type changed' : 'signature changed');
        else if (k === 'nonExhaustive')
            words.push(h.facts.nonExhaustive ? '#[non_exhaustive] added' : '#[non_exhaustive] removed');
        else if (k === 'hasDefault')
            words.push(h.facts.hasDefault ? 'default added' : 'default removed');
        else if (k === 'unsafe')
            words.push('no longer unsafe');
        else if (k === 'allFieldsPublic')
            words.push(h.facts.allFieldsPublic ? 'fields now all public' : 'private field added');
        else if (k === 'source')
            words.push(`now re-exports ${h.facts.source ?? '?'}`);
    }
    return words.join(', ') || 'changed';
}
/** One item reachable by several paths is reported once per rule, at its shortest path. */
function dedupe(changes) {
    const seen = new Map();
    for (const c of [...changes].sort((x, y) => x.path.length - y.path.length || byCodeUnit(x.path, y.path))) {
        const id = c.side === 'head' && c.file
            ? `${c.rule}|${c.what}|${c.file}:${c.line}|${c.path.split('::').pop()}`
            : `${c.rule}|${c.path}|${c.kind}`;
        if (!seen.has(id))
            seen.set(id, c);
    }
    return [...seen.values()];
}

// Runs git and cargo for the API check: argv arrays, never a shell, every run bounded in time.
const exec = (program, args, options) => new Promise(resolve => {
    execFile(program, args, {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
        windowsHide: true
    }, (err, stdout, stderr) => {
        const e = err;
        let error = null;
        if (e?.code === 'ENOENT')
            error = `${program} is not installed or not on PATH`;
        else if (e?.killed)
            error = `${program} ${args[0] ?? ''} did not finish within ${Math.round(options.timeoutMs / 1000)} s`;
        else if (e && typeof e.code !== 'number')
            error = e.message;
        resolve({ code: typeof e?.code === 'number' ? e.code : e ? null : 0, stdout, stderr, error });
    });
});

// What each path package's library is built from, in cargo's own words: the dep-info rustc writes
// beside every compiled unit (`<target>/<profile>/deps/<crate>-<hash>.d`: every source file read,
// `include!`d and `#[path]` modules too) and the `rerun-if-changed` lines of its build script's
// output. Only dep-info as new as every file it lists counts (cargo's own freshness rule), so a file
// left by an older build of other sources is never read as this one's. Unknown: null.
const UNIT_HASH = /^(.+)-[0-9a-f]{16}\.d$/;
/**
 * `root`: the directory cargo ran rustc in (the workspace root), which relative paths in dep-info
 * are relative to. Packages whose inputs cannot be told are absent from the result.
 */
function readBuildInputs(targetDir, root, packages) {
    const units = depInfoFiles(targetDir);
    const scripts = buildOutputs(targetDir);
    const out = new Map();
    for (const p of packages) {
        const files = new Set();
        let found = false;
        for (const file of units.get(p.libName) ?? []) {
            const listed = currentDepInfo(file, root);
            if (!listed || !listed.includes(p.libSrc))
                continue;
            found = true;
            listed.forEach(f => files.add(f));
        }
        if (!found)
            continue;
        let build = null;
        if (p.buildSrc) {
            build = buildScriptInputs(scripts.get(p.name) ?? [], path.dirname(p.buildSrc));
            if (!build)
                continue;
        }
        out.set(p.id, { files, build });
    }
    return out;
}
/** Crate name → its dep-info files, in every profile and target directory under the target dir. */
function depInfoFiles(targetDir) {
    const out = new Map();
    for (const dir of unitDirs(targetDir, 'deps'))
        for (const entry of list(dir)) {
            const m = UNIT_HASH.exec(entry);
            if (m)
                out.set(m[1], [...(out.get(m[1]) ?? []), path.join(dir, entry)]);
        }
    return out;
}
/** `<target>/<profile>/<name>` and `<target>/<triple>/<profile>/<name>`. */
function unitDirs(targetDir, name) {
    const out = [];
    for (const a of list(targetDir)) {
        const first = path.join(targetDir, a);
        if (isDir(path.join(first, name)))
            out.push(path.join(first, name));
        for (const b of list(first))
            if (isDir(path.join(first, b, name)))
                out.push(path.join(first, b, name));
    }
    return out;
}
/** The files a dep-info lists, or null when it is older than one of them (or one is gone). */
function currentDepInfo(file, root) {
    let text;
    let written;
    try {
        text = readFileSync(file, 'utf8');
        written = statSync(file).mtimeMs;
    }
    catch {
        return null;
    }
    const listed = parseDepInfo(text).map(f => path.resolve(root, f));
    for (const f of listed) {
        try {
            if (statSync(f).mtimeMs > written)
                return null;
        }
        catch {
            return null;
        }
    }
    return listed;
}
/**
 * rustc's dep-info (make syntax): after the rules of the outputs, every input stands alone as
 * `path:`, a space in a path written `\ `. Comment lines (`# env-dep:`) are not files.
 */
function parseDepInfo(text) {
    const out = [];
    for (const line of text.split(/\r?\n/)) {
        if (line.startsWith('#') || !line.endsWith(':'))
            continue;
        const file = line.slice(0, -1);
        // A rule (`out: in in`) has an unescaped space after its colon; an input line has none.
        if (file && !/(^|[^\\]) /.test(file))
            out.push(file.replace(/\\ /g, ' '));
    }
    return out;
}
/** Package name → the `output` files of its build script runs (`<target>/<profile>/build/<name>-<hash>/output`). */
function buildOutputs(targetDir) {
    const out = new Map();
    for (const dir of unitDirs(targetDir, 'build'))
        for (const entry of list(dir)) {
            const m = /^(.+)-[0-9a-f]{16}$/.exec(entry);
            const file = path.join(dir, entry, 'output');
            if (m && isFile(file))
                out.set(m[1], [...(out.get(m[1]) ?? []), file]);
        }
    return out;
}
/**
 * What the build script's runs declared. Every run of a package of this name counts (two versions
 * of one package share the name): more inputs only cost a documentation, never hide a change.
 */
function buildScriptInputs(outputs, packageDir) {
    if (outputs.length === 0)
        return null;
    const declared = new Set();
    for (const file of outputs) {
        let text;
        try {
            text = readFileSync(file, 'utf8');
        }
        catch {
            return null;
        }
        const paths = [...text.matchAll(/^cargo::?rerun-if-changed=(.*)$/gm)].map(m => m[1]);
        if (paths.length === 0)
            return 'package';
        paths.forEach(p => declared.add(path.resolve(packageDir, p)));
    }
    return declared;
}
function list(dir) {
    try {
        return readdirSync(dir);
    }
    catch {
        return [];
    }
}
function isDir(p) {
    try {
        return statSync(p).isDirectory();
    }
    catch {
        return false;
    }
}
function isFile(p) {
    try {
        return statSync(p).isFile();
    }
    catch {
        return false;
    }
}

// The workspace's shared inputs compared between base and head: which locked packages differ, and
// which parts of the workspace manifest. A crate's API can only change through what it is built
// from, so a change here touches the crates that use what changed, not every crate. Pure.
/** Every crate may be affected: the input could not be read, or what changed reaches every crate. */
const EVERY = 'every';
/**
 * Locked packages (`name@version`) whose Cargo.lock entry differs between base and head in any way:
 * source, checksum, or the versions its dependencies resolved to; or that one side lacks.
 */
function changedLockedPackages(base, head) {
    const a = lockEntries(base);
    const b = lockEntries(head);
    if (!a || !b)
        return EVERY;
    const out = new Set();
    for (const key of new Set([...a.keys(), ...b.keys()]))
        if (a.get(key) !== b.get(key))
            out.add(key);
    return out;
}
function lockEntries(text) {
    if (text === null)
        return null;
    let doc;
    try {
        doc = parse(text);
    }
    catch {
        return null;
    }
    if (!Array.isArray(doc.package))
        return null;
    const out = new Map();
    for (const p of doc.package) {
        if (typeof p.name !== 'string' || typeof p.version !== 'string')
            return null;
        const deps = Array.isArray(p.dependencies) ? [...p.dependencies].map(String).sort() : [];
        out.set(`${p.name}@${p.version}`, JSON.stringify([p.source ?? null, p.checksum ?? null, deps]));
    }
    return out;
}
/** Tables of a root manifest that belong to its package, when it has one (the package's own change). */
const PACKAGE_TABLES = new Set([
    'package',
    'lib',
    'bin',
    'test',
    'bench',
    'example',
    'dependencies',
    'dev-dependencies',
    'build-dependencies',
    'target',
    'features',
    'badges',
    'lints'
]);
/** Keys of `[workspace]` that cannot change what a member's API is built from. */
const NEUTRAL_WORKSPACE_KEYS = new Set(['members', 'exclude', 'default-members', 'metadata', 'lints']);
/**
 * The workspace-wide parts of the root manifest compared (`[workspace]`, `[patch]`, `[profile]`…),
 * the package's own tables left to the package. Membership, metadata and lints reach no API; a
 * `[workspace.dependencies]` entry reaches the members that declare it; anything else every crate.
 */
function workspaceManifestChange(base, head) {
    const a = workspaceParts(base);
    const b = workspaceParts(head);
    if (!a || !b)
        return EVERY;
    if (canonical(a.rest) !== canonical(b.rest))
        return EVERY;
    const dependencies = new Set();
    for (const name of new Set([...Object.keys(a.dependencies), ...Object.keys(b.dependencies)])) {
        const [x, y] = [a.dependencies[name], b.dependencies[name]];
        if (canonical(x) === canonical(y))
            continue;
        dependencies.add(name);
        // `name = { package = "real" }`: members see the package's own name in cargo metadata.
        for (const entry of [x, y]) {
            const real = entry?.package;
            if (typeof real === 'string')
                dependencies.add(real);
        }
    }
    return { dependencies };
}
function workspaceParts(text) {
    if (text === null)
        return null;
    let doc;
    try {
        doc = parse(text);
    }
    catch {
        return null;
    }
    const rest = {};
    for (const [k, v] of Object.entries(doc))
        if (!PACKAGE_TABLES.has(k) && k !== 'workspace')
            rest[k] = v;
    const ws = (doc.workspace ?? {});
    const wsRest = {};
    for (const [k, v] of Object.entries(ws))
        if (!NEUTRAL_WORKSPACE_KEYS.has(k) && k !== 'dependencies')
            wsRest[k] = v;
    rest.workspace = wsRest;
    return { rest, dependencies: (ws.dependencies ?? {}) };
}
/** JSON with keys sorted at every level: two tables equal in TOML compare equal here. */
function canonical(v) {
    return JSON.stringify(v, (_k, x) => x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date)
        ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1)))
        : x);
}

// Which crates' public API may differ from the base: those built from something that changed. A
// crate is built from its own package, every package it depends on (normal and build dependencies,
// transitively: their macros, derives and types shape its API), the locked versions of those, the
// workspace manifest's shared tables, cargo's config and the toolchain file. Within a package, cargo's
// dep-info says which files the build read; without it, any file of the package counts. Pure.
/** Without dep-info, files outside every package that still look like build inputs: Rust sources. */
const LOOKS_LIKE_INPUT = /\.rs$/;
/**
 * `crates`: the members to decide for (package ids by name); `graph`: every package of the
 * workspace's resolved graph (all features, all platforms), or null when it is unknown (every crate
 * is touched then).
 */
function touchedCrates(crates, graph, facts) {
    const every = () => new Set(crates.keys());
    if (!graph || facts.lock === EVERY || facts.manifest === EVERY)
        return every();
    const lock = facts.lock;
    const ws = facts.workspace;
    const inside = (file, dir) => dir === '' || file === dir || file.startsWith(`${dir}/`);
    const abs = (file) => path.resolve(facts.repoRoot, file);
    const affected = new Set();
    const pathPackages = graph.filter(p => p.dir !== null);
    for (const file of facts.files) {
        if (everyCrateReads(file, ws))
            return every();
        if (file === join(ws, 'Cargo.lock'))
            continue;
        const owners = pathPackages.filter(p => inside(file, p.dir));
        const depth = Math.max(-1, ...owners.map(o => o.dir.length));
        const owner = owners.filter(o => o.dir.length === depth);
        for (const p of owner)
            if (ownFileMatters(p, file, abs(file)))
                affected.add(p.id);
        for (const p of pathPackages) {
            if (p.inputs) {
                if (reads(p.inputs, abs(file)))
                    affected.add(p.id);
            }
            else if (owner.length === 0 && inside(file, ws) && LOOKS_LIKE_INPUT.test(file))
                affected.add(p.id);
        }
    }
    if (lock)
        for (const p of graph)
            if (lock.has(`${p.name}@${p.version}`))
                affected.add(p.id);
    const declared = facts.manifest?.dependencies;
    if (declared)
        for (const p of pathPackages)
            if (p.declared.some(n => declared.has(n)))
                affected.add(p.id);
    const reached = dependents(graph, affected);
    const known = new Set(graph.map(p => p.id));
    // A crate missing from the graph is one whose inputs are unknown: touched.
    return new Set([...crates].filter(([, id]) => !known.has(id) || reached.has(id)).map(([name]) => name));
}
/** The graph of `cargo metadata` (with its resolve); `inputs`: what each path package's build read. */
function graphOf(meta, repoRoot, inputs) {
    if (!meta.resolve)
        return null;
    const nodes = new Map(meta.resolve.nodes.map(n => [n.id, n]));
    return meta.packages.map(p => {
        const rel = path.relative(repoRoot, path.dirname(p.manifest_path));
        const inRepo = p.source === null && !rel.startsWith('..') && !path.isAbsolute(rel);
        const deps = (nodes.get(p.id)?.deps ?? [])
            // Before cargo 1.41 dep_kinds was absent: every dependency counts then.
            .filter(d => !d.dep_kinds || d.dep_kinds.some(k => k.kind !== 'dev'))
            .map(d => d.pkg);
        return {
            id: p.id,
            name: p.name,
            version: p.version,
            dir: inRepo ? rel.split(path.sep).join('/') : null,
            deps,
            declared: p.dependencies.flatMap(d => (d.rename ? [d.name, d.rename] : [d.name])),
            inputs: inputs.get(p.id) ?? null
        };
    });
}
/** Cargo's config and the toolchain file, in the workspace or a directory above it (cargo looks there). */
function everyCrateReads(file, ws) {
    const dir = path.posix.dirname(file);
    const above = (d) => d === '.' || d === '' || ws === d || ws.startsWith(`${d}/`);
    if (/(^|\/)rust-toolchain(\.toml)?$/.test(file))
        return above(dir);
    const m = /^(?:(.*?)\/)?\.cargo\/(.*)$/.exec(file);
    if (!m)
        return false;
    const base = m[1] ?? '';
    // Anything under the workspace's own .cargo/ (config, a vendored registry); only config above it.
    return base === ws || (/^config(\.toml)?$/.test(m[2]) && above(base));
}
/** A changed file inside the package: its manifest, a file its build read or its build script watches. */
function ownFileMatters(p, file, absolute) {
    if (file === join(p.dir, 'Cargo.toml') || !p.inputs)
        return true;
    return p.inputs.build === 'package' || reads(p.inputs, absolute);
}
function reads(inputs, absolute) {
    if (inputs.files.has(absolute))
        return true;
    if (!inputs.build || inputs.build === 'package')
        return false;
    for (const watched of inputs.build)
        if (absolute === watched || absolute.startsWith(`${watched}${path.sep}`))
            return true;
    return false;
}
/** `ids` and every package that depends on one of them, transitively. */
function dependents(graph, ids) {
    const users = new Map();
    for (const p of graph)
        for (const d of p.deps)
            users.set(d, [...(users.get(d) ?? []), p.id]);
    const out = new Set(ids);
    const todo = [...ids];
    while (todo.length)
        for (const u of users.get(todo.pop()) ?? [])
            if (!out.has(u)) {
                out.add(u);
                todo.push(u);
            }
    return out;
}
function join(dir, file) {
    return dir ? `${dir}/${file}` : file;
}

// Which crates to document: the adapters that feed touched.ts. cargo metadata (all features, every
// platform) gives the graph, the target directory cargo's dep-info, git the base's lock file and
// workspace manifest. Whatever cannot be read makes every crate touched, never fewer.
const LIB_KINDS = new Set(['lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro']);
async function touchedByChange(run, req) {
    if (req.changed.size === 0)
        return new Set();
    const ws = req.wsRel;
    const at = (file) => (ws ? `${ws}/${file}` : file);
    const [scope, lock, manifest] = await Promise.all([
        resolvedGraph(run, req),
        req.changed.has(at('Cargo.lock'))
            ? Promise.all([fileAt(run, req.repo, req.sha, at('Cargo.lock')), headText(req, 'Cargo.lock')]).then(([b, h]) => changedLockedPackages(b, h))
            : null,
        req.changed.has(at('Cargo.toml'))
            ? Promise.all([fileAt(run, req.repo, req.sha, at('Cargo.toml')), headText(req, 'Cargo.toml')]).then(([b, h]) => workspaceManifestChange(b, h))
            : null
    ]);
    return touchedCrates(req.crates, scope?.graph ?? null, {
        files: req.changed,
        repoRoot: scope?.repoRoot ?? req.repo,
        workspace: ws,
        lock,
        manifest
    });
}
function headText(req, file) {
    try {
        return Promise.resolve(readFileSync(path.join(req.workspaceRoot, file), 'utf8'));
    }
    catch {
        return Promise.resolve(null);
    }
}
/**
 * The workspace's graph with what each path package's build read, and the repository's root as
 * cargo writes paths (a symlinked checkout has two spellings); null when cargo cannot say.
 */
async function resolvedGraph(run, req) {
    const r = await run('cargo', [
        ...(req.toolchain ? [`+${req.toolchain}`] : []),
        'metadata',
        '--format-version',
        '1',
        '--all-features',
        // Never rewrite the lock file: a stale one leaves the graph unknown instead.
        '--locked'
    ], { cwd: req.workspaceRoot, timeoutMs: 300_000 });
    if (r.error || r.code !== 0)
        return null;
    let meta;
    try {
        meta = JSON.parse(r.stdout);
    }
    catch {
        return null;
    }
    const paths = [];
    for (const p of meta.packages) {
        const lib = p.targets.find(t => t.kind.some(k => LIB_KINDS.has(k)));
        if (p.source !== null || !lib)
            continue;
        const build = p.targets.find(t => t.kind.includes('custom-build'));
        paths.push({
            id: p.id,
            name: p.name,
            libName: lib.name.replace(/-/g, '_'),
            libSrc: lib.src_path,
            buildSrc: build?.src_path ?? null
        });
    }
    const up = req.wsRel ? req.wsRel.split('/').map(() => '..') : [];
    const repoRoot = path.resolve(meta.workspace_root, ...up);
    return {
        graph: graphOf(meta, repoRoot, readBuildInputs(req.targetDir, meta.workspace_root, paths)),
        repoRoot
    };
}

// The report section of the API check, the semver rule that can allow its breaks, and the merge of
// shard sections (each shard compares its own members). Pure.
function offSection(policy = 'off') {
    return {
        status: 'off',
        policy,
        reason: null,
        base: null,
        blob: { head: null, base: null },
        crates: [],
        skipped: [],
        unknownListed: [],
        seconds: 0
    };
}
/** Cargo's semver: a breaking change needs a new major version; before 1.0, a new minor (0.0.x: any bump). */
function bumpAllowsBreaks(base, head) {
    const b = base ? semverExports.parse(base) : null;
    const h = semverExports.parse(head);
    if (!b || !h)
        return false;
    if (b.major > 0)
        return h.major > b.major;
    if (b.minor > 0)
        return h.major > 0 || h.minor > b.minor;
    return semverExports.gt(h, b);
}
function breaks(c) {
    return c.changes.filter(x => x.class === 'breaking');
}
/** Shards compare disjoint members: crates are concatenated; any unknown shard makes the whole unknown. */
function mergeSections(sections) {
    const on = sections.filter(s => s.status !== 'off');
    if (on.length === 0)
        return sections[0] ?? offSection();
    const unknown = on.find(s => s.status === 'unknown');
    return {
        ...on[0],
        status: unknown ? 'unknown' : 'checked',
        reason: unknown?.reason ?? null,
        crates: on.flatMap(s => s.crates).sort((a, b) => byCodeUnit(a.name, b.name)),
        skipped: [...new Set(on.flatMap(s => s.skipped))].sort(),
        unknownListed: on[0].unknownListed,
        seconds: Math.max(...on.map(s => s.seconds))
    };
}

// What the rules compare about one item, read from its rustdoc JSON: generics, signatures, layout
// (repr, kinds, discriminants), trait impls and auto traits, attributes, and the rest as comparable
// text. Facts are plain data (the base side's are cached as JSON). Pure.
const FUTURE = '⟦core::future::future::Future⟧';
/** Field ids of a struct, union or struct-like variant; null entries are private tuple fields. */
function fieldIds(item) {
    const inner = innerOf(item);
    if (kindOf(item) === 'union')
        return inner.fields ?? [];
    const kind = inner.kind;
    if (!kind || typeof kind !== 'object')
        return [];
    return kind.plain?.fields ?? kind.tuple ?? kind.struct?.fields ?? [];
}
function form(kind) {
    const k = typeof kind === 'string' ? kind : Object.keys(kind ?? {})[0];
    return k === 'tuple'
        ? 'tuple'
        : k === 'plain' && typeof kind !== 'string'
            ? 'plain'
            : k === 'struct'
                ? 'plain'
                : 'unit';
}
function reprOf(item) {
    for (const a of item.attrs ?? []) {
        const r = a && typeof a === 'object' ? a.repr : undefined;
        if (r)
            return {
                c: r.kind === 'c',
                transparent: r.kind === 'transparent',
                int: typeof r.int === 'string' ? r.int : null,
                align: typeof r.align === 'number' ? r.align : null,
                packed: typeof r.packed === 'number' ? r.packed : null
            };
    }
    return null;
}
function attrValue(item, name) {
    for (const a of item.attrs ?? [])
        if (a && typeof a === 'object' && name in a)
            return a[name];
    return undefined;
}
function fields(doc, item) {
    // A variant's fields are as public as its enum.
    const isPublic = (f) => kindOf(item) === 'variant' || f.visibility === 'public';
    const inner = innerOf(item);
    const ids = fieldIds(item);
    const kind = inner.kind;
    const stripped = ids.some(id => id === null) ||
        kind?.plain?.has_stripped_fields === true ||
        kind?.struct?.has_stripped_fields === true ||
        inner.has_stripped_fields === true;
    const items = ids.map(id => (id === null ? undefined : doc.index[String(id)]));
    const open = items.filter((f) => !!f && isPublic(f));
    return {
        allFieldsPublic: !stripped && open.length === items.length,
        hiddenFields: open.some(isDocHidden),
        order: open.filter(f => !isDocHidden(f)).map(f => f.name ?? '?')
    };
}
/** The symbol a function exports (`#[no_mangle]`: its name; `#[export_name]`), if any. */
function exportName(item) {
    if (hasAttr(item, 'no_mangle'))
        return item.name;
    return attrValue(item, 'export_name') ?? null;
}
function fnFacts(item, s, ctx) {
    const inner = innerOf(item);
    const { sig, header } = inner;
    const first = sig.inputs[0];
    let receiver = 'none';
    if (first && first[0] === 'self') {
        // `&self` is `ref Self`, `self: &Rc<Self>` is `ref ⟦…Rc⟧<Self>`: how it is borrowed, and what.
        const t = first[1];
        const selfScope = { ...s, self: null };
        receiver = t.borrowed_ref
            ? `${t.borrowed_ref.is_mutable ? 'mut' : 'ref'} ${typeText(t.borrowed_ref.type, selfScope)}`
            : `owned ${typeText(t, selfScope)}`;
    }
    let output = typeText(sig.output, s);
    let outputBounds = null;
    const impl = sig.output?.impl_trait;
    if (header.is_async) {
        outputBounds = [`${FUTURE}<Output = ${output}>`];
        output = `impl ${outputBounds[0]}`;
    }
    else if (impl)
        outputBounds = boundsText(impl, s).sort();
    // `impl Future` and `impl Future<Output = ()>` (an `async fn` returning nothing) are used alike.
    if (outputBounds) {
        outputBounds = outputBounds.map(b => (b === `${FUTURE}<Output = ()>` ? FUTURE : b));
        output = `impl ${outputBounds.join(' + ')}`;
    }
    const tf = attrValue(item, 'target_feature');
    return {
        inputs: sig.inputs.map(([, t]) => typeText(t, s)),
        output,
        outputBounds,
        receiver,
        isConst: header.is_const,
        abi: abiText(header.abi),
        exportName: exportName(item),
        targetFeatures: ctx.features(tf?.enable ?? []),
        targetFeature: tf !== undefined
    };
}
function factsOf(ctx, item) {
    const { doc } = ctx;
    const rk = kindOf(item);
    const inner = innerOf(item);
    const nonExhaustive = hasAttr(item, 'non_exhaustive');
    const mustUse = attrValue(item, 'must_use') !== undefined;
    const own = paramTokens(inner.generics);
    const s = scopeOf(ctx, own);
    switch (rk) {
        case 'function': {
            const header = inner.header;
            const fn = fnFacts(item, s, ctx);
            return {
                params: fn.inputs.length,
                unsafe: header.is_unsafe === true,
                hasDefault: inner.has_body === true,
                generics: genericsFacts(inner.generics, s),
                fn,
                mustUse,
                signature: shape({
                    inputs: fn.inputs,
                    output: fn.output,
                    header: { ...header, is_unsafe: undefined }
                })
            };
        }
        case 'struct':
        case 'union': {
            const f = fields(doc, item);
            const typeScope = { ...s, self: null };
            return {
                nonExhaustive,
                allFieldsPublic: f.allFieldsPublic,
                hiddenFields: f.hiddenFields,
                order: f.order,
                form: rk === 'union' ? 'plain' : form(inner.kind),
                repr: reprOf(item),
                generics: genericsFacts(inner.generics, typeScope),
                mustUse,
                ...implFacts(ctx, item, own),
                signature: shape({ form: rk === 'union' ? 'union' : form(inner.kind), generics: inner.generics })
            };
        }
        case 'enum': {
            const variants = (inner.variants ?? []).map(id => doc.index[String(id)]).filter(v => !!v);
            const discriminants = {};
            let next = 0n;
            let known = true;
            for (const v of variants) {
                const d = innerOf(v).discriminant;
                if (d) {
                    try {
                        next = BigInt(d.value);
                    }
                    catch {
                        known = false;
                    }
                }
                if (known)
                    discriminants[v.name ?? '?'] = next.toString();
                next += 1n;
            }
            return {
                nonExhaustive,
                order: variants.map(v => v.name ?? '?'),
                repr: reprOf(item),
                discriminants,
                castable: variants.every(v => form(innerOf(v).kind) === 'unit' && !hasAttr(v, 'non_exhaustive')),
                generics: genericsFacts(inner.generics, { ...s, self: null }),
                mustUse,
                ...implFacts(ctx, item, own),
                signature: shape({ generics: inner.generics })
            };
        }
        case 'variant': {
            const f = fields(doc, item);
            return {
                nonExhaustive,
                allFieldsPublic: f.allFieldsPublic,
                hiddenFields: f.hiddenFields,
                order: f.order,
                form: form(inner.kind),
                signature: shape({ form: form(inner.kind) })
            };
        }
        case 'struct_field':
            return { type: typeText(inner, s), signature: typeText(inner, s) };
        case 'trait': {
            const generics = genericsFacts(inner.generics, { ...s, self: null });
            const trait = traitFacts(ctx, item, generics, { ...s, self: null });
            generics.bounds = generics.bounds.filter(b => !b.startsWith('Self: '));
            return { generics, trait, mustUse, signature: shape({ unsafe: inner.is_unsafe }) };
        }
        case 'assoc_type': {
            const bounds = boundsText(inner.bounds ?? [], s).sort();
            return {
                hasDefault: inner.type !== null,
                bounds,
                generics: genericsFacts(inner.generics, s),
                signature: shape({ bounds, default: inner.type === null ? null : typeText(inner.type, s) })
            };
        }
        case 'assoc_const':
            return {
                hasDefault: inner.value !== null,
                type: typeText(inner.type, s),
                signature: typeText(inner.type, s)
            };
        case 'constant':
            return { type: typeText(inner.type, s), signature: typeText(inner.type, s) };
        case 'static':
            return {
                type: typeText(inner.type, s),
                staticMut: inner.is_mutable === true,
                unsafe: inner.is_unsafe === true,
                signature: typeText(inner.type, s)
            };
        case 'type_alias': {
            const target = inner.type.resolved_path?.id;
            const aliased = target === undefined || target === null ? undefined : doc.index[String(target)];
            return {
                type: typeText(inner.type, s),
                generics: genericsFacts(inner.generics, s),
                // What the alias names, when it is this crate's (it may be private): a struct keeps its literal.
                ...(aliased && aliased.crate_id === 0
                    ? {
                        aliased: {
                            kind: kindOf(aliased),
                            form: kindOf(aliased) === 'struct' ? form(innerOf(aliased).kind) : null
                        }
                    }
                    : {}),
                signature: typeText(inner.type, s)
            };
        }
        case 'module':
            return {};
        case 'macro':
            return { signature: typeof inner === 'string' ? inner : shape(inner) };
        case 'proc_macro':
            return {
                helpers: (inner.helpers ?? []).slice().sort(),
                signature: shape(inner)
            };
        default:
            return { signature: shape(inner) };
    }
}

// The public API of one crate, as a user can name it: walked from the crate root through public
// modules and `pub use` re-exports (glob ones too), each item keyed by namespace and path, with the
// facts the rules compare. Pure: rustdoc JSON in, a map out.
const TYPE_KINDS = new Set(['module', 'struct', 'enum', 'union', 'trait', 'trait_alias', 'type_alias']);
const VALUE_KINDS = new Set(['function', 'constant', 'static']);
const MACRO_KINDS = new Set(['macro', 'proc_attribute', 'proc_derive']);
const MAX_DEPTH = 24;
const KIND_NAMES = {
    module: 'module',
    struct: 'struct',
    enum: 'enum',
    union: 'union',
    trait: 'trait',
    trait_alias: 'trait alias',
    type_alias: 'type alias',
    function: 'function',
    constant: 'constant',
    static: 'static',
    macro: 'macro',
    proc_macro: 'macro',
    proc_attribute: 'macro',
    proc_derive: 'macro'
};
function namespace(rustdocKind) {
    if (TYPE_KINDS.has(rustdocKind))
        return 'type';
    if (VALUE_KINDS.has(rustdocKind))
        return 'value';
    if (MACRO_KINDS.has(rustdocKind))
        return 'macro';
    return 'other';
}
/**
 * The surface without `#[doc(hidden)]` items (and what is only reachable through them); with
 * `includeHidden`, with them: an item missing from the first but in the second was hidden, not removed.
 */
function publicSurface(doc, includeHidden = false) {
    const out = new Map();
    const pending = new Map();
    const hidden = (item) => !includeHidden && isDocHidden(item);
    const get = (id) => (id === null ? undefined : doc.index[String(id)]);
    const local = (id) => {
        const item = get(id);
        return item && item.crate_id === 0 && !hidden(item) ? item : undefined;
    };
    const add = (item, replace = true, how) => {
        if (!replace && out.has(item.key))
            return;
        out.set(item.key, item);
        if (how)
            pending.set(item.key, how);
        else
            pending.delete(item.key);
    };
    const located = (item) => ({
        id: item?.id ?? null,
        file: item?.span?.filename ?? null,
        line: item?.span?.begin[0] ?? null
    });
    const walkModule = (module, path, stack) => {
        if (stack.includes(module.id) || path.length > MAX_DEPTH)
            return;
        const inner = innerOf(module);
        const children = inner.items.map(get).filter((i) => !!i && !hidden(i));
        const globs = [];
        for (const child of children) {
            if (child.visibility !== 'public')
                continue;
            if (kindOf(child) === 'use') {
                const use = innerOf(child);
                if (use.is_glob)
                    globs.push(child);
                else
                    visitUse(child, use, path, [...stack, module.id], true);
            }
            else if (child.name)
                visit(child, child.name, path, [...stack, module.id], true);
        }
        // Names declared or imported by name shadow what a glob brings in.
        for (const glob of globs) {
            const use = innerOf(glob);
            const target = local(use.id);
            if (target && kindOf(target) === 'module') {
                for (const id of innerOf(target).items) {
                    const item = get(id);
                    if (!item || item.visibility !== 'public' || hidden(item))
                        continue;
                    if (kindOf(item) === 'use') {
                        const u = innerOf(item);
                        if (!u.is_glob)
                            visitUse(item, u, path, [...stack, module.id], false);
                    }
                    else if (item.name)
                        visit(item, item.name, path, [...stack, module.id], false);
                }
            }
            else if (!target) {
                // Another crate's module: its items cannot be listed from this document.
                add(reexport(glob, [...path, '*'].join('::'), 'type', use.source), false);
            }
            // A glob of a local enum imports its variants; they are compared on the enum itself.
        }
    };
    const reexport = (use, path, ns, source) => ({
        key: `${ns} ${path}`,
        path,
        kind: 're-export',
        parent: null,
        ...located(use),
        facts: { source }
    });
    const visitUse = (use, inner, path, stack, replace) => {
        // `pub use Trait as _` brings a trait's methods into scope and names nothing.
        if (inner.name === '_')
            return;
        const target = local(inner.id);
        if (target)
            return visit(target, inner.name, path, stack, replace);
        const own = get(inner.id);
        if (own && own.crate_id === 0)
            return; // a hidden item of this crate
        const known = inner.id === null ? undefined : doc.paths[String(inner.id)];
        const full = [...path, inner.name].join('::');
        const kind = known ? KIND_NAMES[known.kind] : undefined;
        if (known && kind) {
            const item = reexport(use, full, namespace(known.kind), known.path.join('::'));
            add({ ...item, kind, facts: { source: known.path.join('::') } }, replace);
        }
        else
            add(reexport(use, full, 'other', inner.source), replace);
    };
    const visit = (item, name, path, stack, replace) => {
        const rk = kindOf(item);
        const kind = KIND_NAMES[rk];
        if (!kind)
            return;
        const full = [...path, name];
        const p = full.join('::');
        const key = `${namespace(rk)} ${p}`;
        if (!replace && out.has(key))
            return;
        add({ key, path: p, kind, parent: null, ...located(item), facts: {} }, true, { item });
        if (rk === 'module')
            walkModule(item, full, stack);
        else if (rk === 'struct' || rk === 'union' || rk === 'enum')
            members(item, p, key);
        else if (rk === 'trait')
            traitItems(item, p, key);
    };
    const member = (parentKey, parentPath, item, kind, group, how = {}) => {
        const path = `${parentPath}::${item.name ?? '?'}`;
        const key = `${group} ${path}`;
        add({ key, path, kind, parent: parentKey, ...located(item), facts: {} }, true, { item, ...how });
        return key;
    };
    const members = (item, path, key) => {
        const rk = kindOf(item);
        const inner = innerOf(item);
        const params = paramTokens(inner.generics);
        for (const id of fieldIds(item)) {
            const field = local(id);
            if (field && field.visibility === 'public')
                member(key, path, field, 'field', 'field', { params });
        }
        if (rk === 'enum')
            for (const id of inner.variants ?? []) {
                const variant = local(id);
                if (!variant)
                    continue;
                const vkey = member(key, path, variant, 'variant', 'variant');
                for (const fid of fieldIds(variant)) {
                    const field = local(fid);
                    if (field)
                        member(vkey, `${path}::${variant.name ?? '?'}`, field, 'field', 'field', { params });
                }
            }
        for (const implId of inner.impls ?? []) {
            const impl = local(implId);
            if (!impl || kindOf(impl) !== 'impl')
                continue;
            const i = innerOf(impl);
            if (i.trait !== null || i.is_synthetic || i.blanket_impl !== null)
                continue;
            // Methods name the impl's parameters (`impl<U> S<U>`): by position, apart from their own.
            const how = { params: paramTokens(i.generics, 'I'), selfType: i.for };
            for (const id of i.items) {
                const assoc = local(id);
                if (!assoc || assoc.visibility !== 'public' || !assoc.name)
                    continue;
                if (kindOf(assoc) === 'function')
                    member(key, path, assoc, 'method', 'assoc', how);
                else if (kindOf(assoc) === 'assoc_const')
                    member(key, path, assoc, 'associated constant', 'assoc', how);
            }
        }
    };
    const traitItems = (item, path, key) => {
        // The trait's parameters by position, apart from each method's own (`#PT0` beside `#T0`).
        const params = paramTokens(innerOf(item).generics, 'P');
        for (const id of innerOf(item).items) {
            const assoc = local(id);
            if (!assoc?.name)
                continue;
            const rk = kindOf(assoc);
            const kind = rk === 'function'
                ? 'trait method'
                : rk === 'assoc_type'
                    ? 'associated type'
                    : rk === 'assoc_const'
                        ? 'associated constant'
                        : null;
            if (kind)
                member(key, path, assoc, kind, 'titem', { params });
        }
    };
    const root = doc.index[String(doc.root)];
    walkModule(root, [root.name ?? 'crate'], []);
    exportedSymbols(doc, out, hidden, (item, key, path) => add({ key, path, kind: 'function', parent: null, ...located(item), facts: {} }, false, { item }));
    const ctx = factsContext(doc, out, hidden);
    for (const [key, how] of pending) {
        const item = out.get(key);
        const self = how.selfType === undefined
            ? null
            : typeText(how.selfType, { name: ctx.name, params: how.params ?? new Map(), self: null });
        item.facts = factsOf({ ...ctx, params: how.params, self }, how.item);
    }
    markSealed(doc, out);
    return out;
}
/**
 * Functions exported under a symbol (`#[no_mangle]`, `#[export_name]`) that no public path reaches:
 * their symbol is ABI wherever they are. rustdoc lists them when it documents private items.
 */
function exportedSymbols(doc, surface, hidden, add) {
    const reached = new Set([...surface.values()].map(i => i.id));
    const crate = doc.index[String(doc.root)]?.name ?? 'crate';
    const exported = Object.values(doc.index).filter(item => item.crate_id === 0 && kindOf(item) === 'function' && !reached.has(item.id) && exportName(item));
    if (exported.length === 0)
        return;
    // A method of a hidden type is hidden with it.
    const owner = new Map();
    for (const item of Object.values(doc.index)) {
        if (item.crate_id !== 0 || kindOf(item) !== 'impl')
            continue;
        const i = innerOf(item);
        const type = i.for.resolved_path ? doc.index[String(i.for.resolved_path.id)] : undefined;
        if (type)
            for (const id of i.items)
                owner.set(id, type);
    }
    for (const item of exported) {
        const type = owner.get(item.id);
        if (hidden(item) || (type && hidden(type)))
            continue;
        const symbol = exportName(item);
        add(item, `symbol ${symbol}`, doc.paths[String(item.id)]?.path.join('::') ?? `${crate}::${item.name ?? symbol}`);
    }
}

function sideOf(r, features) {
    if ('error' in r)
        return r;
    return {
        surface: publicSurface(r.doc),
        withHidden: publicSurface(r.doc, true),
        format: r.doc.format_version,
        version: r.doc.crate_version,
        features
    };
}
function isDocumented(s) {
    return s !== undefined && s !== 'absent' && !('error' in s);
}

// The API check: for each library crate the change touched (see scope.ts), document the head and
// the base (a git worktree with the base's own Cargo.lock, sharing the head's target directory),
// compare the public surfaces and the cargo features, and say which changes break users. Adapters
// are passed in; every failure is `unknown`.
const realPorts = {
    exec: exec,
    payload: () => {
        const file = process.env.GITHUB_EVENT_PATH;
        if (!file)
            return {};
        try {
            return JSON.parse(readFileSync(file, 'utf8'));
        }
        catch {
            return {};
        }
    },
    now: () => Date.now()
};
async function checkPublicApi(inputs, ports = realPorts) {
    if (inputs.policy === 'off')
        return offSection();
    const start = ports.now();
    const selection = selectCrates(inputs.members, inputs.crates);
    const crates = selection.crates.filter(c => !inputs.only || inputs.only.includes(c.name));
    const section = {
        ...offSection(inputs.policy),
        status: 'checked',
        skipped: selection.unpublished,
        unknownListed: selection.unknownListed,
        blob: { head: blobUrl(inputs.env, inputs.env.GITHUB_SHA), base: null }
    };
    try {
        const repo = await repositoryRoot(ports.exec, inputs.workspaceRoot);
        const base = await resolveBase(ports.exec, repo, baseRequest(inputs.base, inputs.env, ports.payload()));
        section.base = base;
        section.blob.base = blobUrl(inputs.env, base.sha);
        const changed = await changedFiles(ports.exec, repo, base.sha);
        // Both spelled as the file system resolves them: git reports the root through symlinks resolved.
        const wsRel = toPosix(path.relative(realpathSync(repo), realpathSync(inputs.workspaceRoot)));
        const touched = await touchedByChange(ports.exec, {
            repo,
            workspaceRoot: inputs.workspaceRoot,
            wsRel,
            sha: base.sha,
            changed,
            targetDir: inputs.targetDir,
            toolchain: inputs.toolchain,
            crates: new Map(crates.map(c => [c.name, c.id]))
        });
        const sides = await documentBoth(ports.exec, inputs, {
            repo,
            wsRel,
            sha: base.sha,
            changed,
            crates: crates.filter(c => touched.has(c.name))
        });
        section.crates = crates.map(c => judge$2(c, touched.has(c.name), sides.heads.get(c.name), sides.bases.get(c.name), wsRel));
    }
    catch (e) {
        // Whatever went wrong, the API was not compared: unknown, with the words of the failure.
        section.status = 'unknown';
        section.reason =
            e instanceof BaseUnavailable ? e.message : `the API check failed: ${e.message}`;
    }
    section.seconds = Math.round(ports.now() - start) / 1000;
    return section;
}
/**
 * Documents the head, and the base of the crates whose base surface is not cached. Cargo locks the
 * target directory, so the two rustdoc runs follow each other; around them, the base worktree is
 * checked out while the head is documented, and the head's documents are read while the base is.
 */
async function documentBoth(run, inputs, at) {
    const features = featureArgs(inputs.checkArgs);
    const common = {
        targetDir: inputs.targetDir,
        toolchain: inputs.toolchain,
        features,
        byContent: checksumFreshness(inputs.rustcRelease)
    };
    const keyOf = (name) => inputs.rustcRelease ? { sha: at.sha, crate: name, toolchain: inputs.rustcRelease, features } : null;
    const cached = new Map();
    for (const c of at.crates) {
        const key = keyOf(c.name);
        const hit = key ? readCached(inputs.targetDir, key) : null;
        if (hit)
            cached.set(c.name, hit);
    }
    const heads = new Map();
    const bases = new Map();
    if (at.crates.length === 0)
        return { heads, bases };
    let checkout = null;
    const checkedOut = () => {
        if (!checkout) {
            checkout = checkOutBase(run, { ...at, toolchain: inputs.toolchain });
            // Awaited later; a failure is handled there, not as an unhandled rejection meanwhile.
            checkout.catch(() => undefined);
        }
        return checkout;
    };
    // Each side's documents are moved into a directory of their own: the names are the same.
    const held = holdingDir(inputs.targetDir);
    const [heldHead, heldBase] = [path.join(held, 'head'), path.join(held, 'base')];
    mkdirSync(heldHead);
    mkdirSync(heldBase);
    try {
        if (at.crates.some(c => !cached.has(c.name)))
            void checkedOut();
        const written = await documentCrates(run, { ...common, cwd: inputs.workspaceRoot, crates: at.crates, side: 'head' }, heldHead);
        // Only crates whose head was documented are worth a base: the others are unknown already.
        const wanted = at.crates.filter(c => 'file' in written.get(c.name));
        const firstBase = documentBaseOf(run, checkedOut, wanted.filter(c => !cached.has(c.name)).map(c => c.name), { ...common, side: `base ${at.sha.slice(0, 12)}` }, heldBase);
        firstBase.catch(() => undefined);
        for (const c of at.crates) {
            heads.set(c.name, sideOf(readDocument(written.get(c.name)), headFeatures(c, inputs.workspaceRoot)));
            await new Promise(resolve => setImmediate(resolve));
        }
        const made = await firstBase;
        // A cached surface of another rustdoc format than the head's is documented again.
        const stale = wanted.filter(c => {
            const hit = cached.get(c.name);
            const head = heads.get(c.name);
            return hit && isDocumented(head) && hit.format !== head.format;
        });
        const again = await documentBaseOf(run, checkedOut, stale.map(c => c.name), { ...common, side: `base ${at.sha.slice(0, 12)}` }, heldBase);
        for (const c of wanted) {
            if (!isDocumented(heads.get(c.name)))
                continue;
            const side = again.get(c.name) ?? made.get(c.name) ?? cached.get(c.name);
            if (side === undefined)
                continue;
            bases.set(c.name, side);
            const key = keyOf(c.name);
            if (key && isDocumented(side) && side !== cached.get(c.name))
                writeCached(inputs.targetDir, key, side);
        }
        return { heads, bases };
    }
    finally {
        rmSync(held, { recursive: true, force: true });
        const done = checkout ? await checkout.catch(() => null) : null;
        if (done)
            await removeWorktree(run, at.repo, done.dir);
    }
}
/** The base sides of `names`: absent when the base has no such library, else its document. */
async function documentBaseOf(run, checkedOut, names, common, held) {
    const out = new Map();
    if (names.length === 0)
        return out;
    const base = await checkedOut();
    const present = names.filter(n => base.members.has(n));
    for (const n of names)
        if (!present.includes(n))
            out.set(n, 'absent');
    const written = await documentBase(run, base, present, common, held);
    for (const n of present)
        out.set(n, sideOf(readDocument(written.get(n)), base.members.get(n).features));
    return out;
}
function headFeatures(c, workspaceRoot) {
    return manifestFeatures(toPosix(path.relative(workspaceRoot, c.manifestPath)), c.features, null);
}
function judge$2(c, touched, head, base, wsRel) {
    const result = {
        name: c.name,
        status: 'unchanged',
        reason: null,
        baseVersion: null,
        headVersion: c.version,
        bumpAllowsBreaks: false,
        formatVersion: null,
        changes: []
    };
    if (!touched)
        return { ...result, reason: 'nothing it is built from changed since the base' };
    if (!head || head === 'absent' || 'error' in head)
        return { ...result, status: 'unknown', reason: head && head !== 'absent' ? head.error : 'not documented' };
    if (base === 'absent')
        return {
            ...result,
            status: 'new',
            reason: 'the base has no such library crate',
            formatVersion: head.format
        };
    if (!base || 'error' in base)
        return { ...result, status: 'unknown', reason: base ? base.error : 'base not documented' };
    const features = base.features && head.features ? featureChanges(c.name, base.features, head.features) : [];
    const file = (f) => f && !path.isAbsolute(f) ? path.posix.join(wsRel.split(path.sep).join('/'), f) : f;
    const rel = (x) => ({
        ...x,
        file: file(x.file),
        base: x.base && { ...x.base, file: file(x.base.file) },
        head: x.head && { ...x.head, file: file(x.head.file) }
    });
    return {
        ...result,
        status: 'compared',
        baseVersion: base.version,
        bumpAllowsBreaks: bumpAllowsBreaks(base.version, c.version),
        formatVersion: head.format,
        changes: [...features, ...diffSurfaces(base.surface, head.surface, head.withHidden, base.withHidden)].map(rel)
    };
}
function toPosix(p) {
    return p.split(path.sep).join('/');
}
function blobUrl(env, sha) {
    if (!sha || !env.GITHUB_REPOSITORY)
        return null;
    return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/blob/${sha}`;
}

// The API check's findings: severity decided here, once, from the `public-api` policy and the
// crate's version bump. Pure.
const SOURCE$2 = 'public-api';
/** `policy`: the public-api input to judge under (default: the one the section was made with). */
function apiFindings(section, policy = section.policy) {
    if (section.status === 'off' || policy === 'off')
        return [];
    const failing = policy === 'deny' ? 'block' : 'warn';
    const out = [];
    if (section.unknownListed.length > 0)
        out.push({
            code: 'api-crates-unmatched',
            severity: 'warn',
            source: SOURCE$2,
            message: `public-api-crates lists ${section.unknownListed.join(', ')}, which is no library crate of the workspace: check the name, or remove it.`
        });
    if (section.status === 'unknown') {
        out.push({
            code: 'api-unknown',
            severity: failing,
            source: SOURCE$2,
            message: `The public API was not checked: ${section.reason ?? 'no reason given'}`
        });
        return out;
    }
    for (const c of section.crates) {
        if (c.status === 'unknown')
            out.push({
                code: 'api-unknown',
                severity: failing,
                source: SOURCE$2,
                crate: c.name,
                message: `${c.name}: the public API was not checked: ${c.reason ?? 'no reason given'}`
            });
        for (const change of c.changes) {
            if (change.class === 'addition')
                continue;
            const breaking = change.class === 'breaking';
            // Warn-level changes (as the reference tool warns) never block, whatever the policy.
            const severity = change.class === 'warning'
                ? c.bumpAllowsBreaks
                    ? 'allowed'
                    : 'warn'
                : !breaking
                    ? 'info'
                    : c.bumpAllowsBreaks
                        ? 'allowed'
                        : failing;
            out.push({
                code: breaking ? 'api-breaking' : change.class === 'warning' ? 'api-warning' : 'api-changed',
                severity,
                source: SOURCE$2,
                crate: c.name,
                message: changeMessage(c, change, section.base?.sha ?? null),
                location: change.file ? { file: change.file, line: change.line } : null
            });
        }
    }
    return out;
}
function changeMessage(c, change, baseSha) {
    const where = change.side === 'base' && change.file
        ? ` (it was at ${change.file}:${change.line ?? '?'} in the base${baseSha ? ` ${baseSha.slice(0, 12)}` : ''})`
        : '';
    const breaks = change.breaks ? `; breaks code like ${change.breaks}` : '';
    const head = `${c.name}: \`${change.path}\` (${change.kind}): ${change.what}${where}${breaks}`;
    if (change.class !== 'breaking')
        return head;
    if (c.bumpAllowsBreaks)
        return `${head}; allowed by the version bump ${c.baseVersion} → ${c.headVersion}`;
    const needed = neededVersion(c.baseVersion);
    return `${head}; a breaking change needs a new ${needed ? `version (${needed})` : 'major version'}, the version is ${c.headVersion}`;
}
/** The smallest version that allows a break after `base`: next major, or next minor before 1.0. */
function neededVersion(base) {
    const v = base ? semverExports.parse(base) : null;
    if (!v)
        return null;
    return semverExports.inc(v, v.major > 0 ? 'major' : v.minor > 0 ? 'minor' : 'patch');
}

const MAX_LISTED = 100;
function baseWords(s) {
    if (!s.base)
        return '';
    const from = describeFrom(s.base.from);
    return `compared with ${s.base.rev === s.base.sha ? s.base.sha.slice(0, 12) : `${s.base.rev} (${s.base.sha.slice(0, 12)})`}, ${from}`;
}
function counts(s) {
    const all = s.crates.flatMap(c => breaks(c).map(b => ({ c, b })));
    const allowed = all.filter(x => x.c.bumpAllowsBreaks).length;
    const changed = s.crates.reduce((n, c) => n + c.changes.filter(x => x.class === 'changed').length, 0);
    const added = s.crates.reduce((n, c) => n + c.changes.filter(x => x.class === 'addition').length, 0);
    const warned = s.crates.reduce((n, c) => n + c.changes.filter(x => x.class === 'warning').length, 0);
    return { breaking: all.length - allowed, allowed, warned, changed, added };
}
function link(s, x) {
    if (!x.file)
        return '';
    const at = `${x.file}${x.line ? `:${x.line}` : ''}`;
    const blob = x.side === 'base' ? s.blob.base : s.blob.head;
    const text = x.side === 'base' ? `${at} (base)` : at;
    return blob ? `[${text}](${blob}/${x.file}${x.line ? `#L${x.line}` : ''})` : `\`${text}\``;
}
function cell(v) {
    return v.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** `findings`: this capability's findings in the report (their severities are shown, not decided). */
function publicApiMarkdown(s, findings) {
    if (s.status === 'off')
        return null;
    const lines = ['### Public API', ''];
    if (s.status === 'unknown') {
        const blocks = findings.some(f => f.code === 'api-unknown' && f.severity === 'block');
        lines.push(`**Not checked** (${blocks ? 'the build is not stable' : 'a warning'}): ${cell(s.reason ?? '')}`);
        return lines.join('\n');
    }
    const n = counts(s);
    lines.push(`${n.breaking} breaking change(s)${n.allowed ? `, ${n.allowed} allowed by a version bump` : ''}${n.warned ? `, ${n.warned} warning(s)` : ''}, ${n.changed} other change(s), ${n.added} addition(s); ${baseWords(s)}.`, '');
    const rows = s.crates.flatMap(c => breaks(c).map(b => ({ c, b })));
    if (rows.length > 0) {
        lines.push('| crate | item | what changed | breaks code like | where |', '| --- | --- | --- | --- | --- |');
        for (const { c, b } of rows.slice(0, MAX_LISTED))
            lines.push(`| ${cell(c.name)} | \`${cell(b.path)}\` (${b.kind}) | ${cell(b.what)}${c.bumpAllowsBreaks ? ` — allowed by the version bump ${c.baseVersion} → ${c.headVersion}` : ''} | ${cell(b.breaks ?? '')} | ${link(s, b)} |`);
        if (rows.length > MAX_LISTED)
            lines.push('', `…and ${rows.length - MAX_LISTED} more in the JSON report.`);
        lines.push('');
    }
    const notes = s.crates.filter(c => c.status === 'unknown' || c.status === 'new');
    for (const c of notes)
        lines.push(c.status === 'new'
            ? `- ${c.name}: new crate, nothing to break.`
            : `- **${c.name}: not checked**: ${cell(c.reason ?? '')}`);
    const unchanged = s.crates.filter(c => c.status === 'unchanged').map(c => c.name);
    if (unchanged.length)
        lines.push(`- Not changed since the base: ${unchanged.join(', ')}.`);
    if (s.skipped.length)
        lines.push(`- Skipped (\`publish = false\`, not in public-api-crates): ${s.skipped.join(', ')}.`);
    const warnings = s.crates.flatMap(c => c.changes.filter(x => x.class === 'warning').map(x => ({ c, x })));
    if (warnings.length > 0) {
        lines.push('', '**Warnings** (code still compiles, but behaves or lays out differently):', '');
        for (const { c, x } of warnings.slice(0, MAX_LISTED))
            lines.push(`- ${cell(c.name)} \`${cell(x.path)}\` (${x.kind}): ${cell(x.what)}; ${cell(x.breaks ?? '')} ${link(s, x)}`);
    }
    const other = s.crates.flatMap(c => c.changes.filter(x => x.class === 'changed' || x.class === 'addition').map(x => ({ c, x })));
    if (other.length > 0) {
        lines.push('', '<details><summary>Other changes and additions</summary>', '');
        for (const { c, x } of other.slice(0, MAX_LISTED))
            lines.push(`- ${x.class === 'addition' ? 'added' : 'changed'}: ${cell(c.name)} \`${cell(x.path)}\` (${x.kind}): ${cell(x.what)}`);
        lines.push('', '</details>');
    }
    return lines.join('\n').trimEnd();
}
function publicApiText(s) {
    if (s.status === 'off')
        return null;
    if (s.status === 'unknown')
        return `Public API: not checked: ${s.reason ?? ''}`;
    const n = counts(s);
    const lines = [
        `Public API: ${n.breaking} breaking, ${n.allowed} allowed by a version bump, ${n.warned ? `${n.warned} warning(s), ` : ''}${n.changed} changed, ${n.added} added (${baseWords(s)})`
    ];
    for (const c of s.crates) {
        if (c.status === 'unknown')
            lines.push(`  ? ${c.name}: not checked: ${c.reason ?? ''}`);
        for (const b of breaks(c))
            lines.push(`  ${c.bumpAllowsBreaks ? '~' : '✗'} ${changeMessage(c, b, null)}${b.file && b.side === 'head' ? ` at ${b.file}:${b.line ?? '?'}` : ''}`);
        for (const w of c.changes.filter(x => x.class === 'warning'))
            lines.push(`  ! ${changeMessage(c, w, null)}${w.file ? ` at ${w.file}:${w.line ?? '?'}` : ''}`);
    }
    return lines.join('\n');
}
/** Blocking and warning findings at their lines; allowed and informational ones stay in the summary. */
function publicApiAnnotations(findings) {
    return findings
        .filter(f => f.source === 'public-api' && (f.severity === 'block' || f.severity === 'warn'))
        .map(f => ({
        level: f.severity === 'block' ? 'error' : 'warning',
        title: f.code === 'api-breaking' ? `Breaking API change${f.crate ? ` in ${f.crate}` : ''}` : 'Public API',
        message: f.message,
        ...(f.location?.file
            ? {
                file: f.location.file,
                ...(f.location.line ? { startLine: f.location.line, endLine: f.location.line } : {})
            }
            : {})
    }));
}
function publicApiOutputs(s) {
    if (s.status === 'off')
        return {};
    const changes = s.crates.flatMap((c) => c.changes.map(x => ({ crate: c.name, ...x, allowed: x.class === 'breaking' && c.bumpAllowsBreaks })));
    return {
        'api-breaking': s.status === 'unknown' ? '' : String(counts(s).breaking),
        'api-changes': JSON.stringify(changes)
    };
}

const PUBLIC_API_CODES = {
    'api-breaking': 'a breaking change to the public API of a library crate (public-api policy; allowed by a version bump)',
    'api-warning': 'a change to the public API the reference tool warns about (an order under PartialOrd or repr(C), #[must_use] added); never blocks',
    'api-changed': 'a change to the public API that is not surely breaking (informational)',
    'api-unknown': 'the public API could not be compared with the base (no base revision, rustdoc failed or its format is unsupported)',
    'api-crates-unmatched': 'a public-api-crates entry matches no library crate'
};
/** A revision is handed to git as an argument: one that starts with `-` would be read as an option. */
function revision(v) {
    if (v.startsWith('-'))
        throw new ConfigError('public-api-base', `'${v}' is not a git revision; name a commit, branch or tag.`);
    return v;
}
const own = (r) => r.findings.filter(f => f.source === 'public-api');
const publicApi = {
    name: 'public-api',
    stage: 'analyses',
    inputs: [
        {
            name: 'public-api',
            default: 'warn',
            description: 'Breaking changes to the public API of library crates since `public-api-base`: `deny` (unstable), `warn` or `off`. A version bump that allows them (a new major; 0.x: a new minor) exempts them.'
        },
        {
            name: 'public-api-base',
            default: '',
            description: "Git revision the public API is compared with; empty: the pull request's base commit, else the parent of the head. Needs the history (`fetch-depth: 0`)."
        },
        {
            name: 'public-api-crates',
            default: '',
            description: '`publish = false` library crates whose public API is compared too (comma or newline separated; published ones always are).'
        }
    ],
    parse: p => ({
        publicApi: p.oneOf('public-api', ['deny', 'warn', 'off']),
        publicApiBase: revision(p.raw('public-api-base')),
        publicApiCrates: p.names('public-api-crates')
    }),
    codes: PUBLIC_API_CODES,
    outputs: [
        {
            name: 'api-breaking',
            description: 'Breaking changes to the public API that no version bump allows (empty when the API was not compared).',
            value: r => r.publicApi && r.publicApi.status !== 'off' ? publicApiOutputs(r.publicApi)['api-breaking'] : null
        },
        {
            name: 'api-changes',
            description: 'JSON array of the public API changes: crate, class (breaking, warning, changed, addition), rule, path, kind, what, breaks, file, line, side, base and head locations, allowed.',
            value: r => r.publicApi && r.publicApi.status !== 'off' ? publicApiOutputs(r.publicApi)['api-changes'] : null
        }
    ],
    async run(ports, config) {
        if (config.publicApi === 'off')
            return { section: {}, findings: [] };
        const section = ports.metadata
            ? await checkPublicApi({
                policy: config.publicApi,
                base: config.publicApiBase,
                crates: config.publicApiCrates,
                workspaceRoot: ports.cwd,
                targetDir: ports.metadata.target_directory,
                toolchain: config.toolchain,
                rustcRelease: ports.toolchain.release,
                checkArgs: config.checkArgs,
                members: ports.metadata.packages.filter(p => ports.metadata.workspace_members.includes(p.id)),
                only: ports.report.shard?.members ?? null,
                env: ports.env
            }, realPorts)
            : { ...offSection(config.publicApi), status: 'unknown', reason: 'cargo metadata did not run' };
        return { section: { publicApi: section }, findings: apiFindings(section, config.publicApi) };
    },
    findings: (r, config) => (r.publicApi ? apiFindings(r.publicApi, config.publicApi) : []),
    merge: shards => {
        const sections = shards.map(s => s.publicApi).filter((s) => !!s);
        return sections.length ? { publicApi: mergeSections(sections) } : {};
    },
    markdown: r => (r.publicApi ? publicApiMarkdown(r.publicApi, own(r)) : null),
    terminal: r => (r.publicApi ? (publicApiText(r.publicApi)?.split('\n') ?? []) : []),
    annotations: r => publicApiAnnotations(own(r))
};

const HOW = {
    'base-commit': 'the base commit',
    'before-base': 'the latest recorded run before the base commit, which has no record',
    latest: 'the latest recorded run: git cannot tell which runs precede the base commit',
    'previous-run': 'the latest recorded run of another commit'
};
/** "1a2b3c4, 2 Dec". */
function baseName(b) {
    const day = new Date(b.at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
    return b.sha ? `${b.sha.slice(0, 7)}, ${day}` : day;
}
/** "run of 1a2b3c4, 2 Dec: the base commit". */
function baseLine(b) {
    return `run of ${baseName(b)}: ${HOW[b.how]}`;
}
function lintName(lint) {
    return lint || 'warning without a lint name';
}
/** "unused variable: `y` (src/lib.rs:7)"; `quote` marks the message up (markdown). */
function warningText(w, quote = s => s) {
    const at = w.file ? ` (${w.file}${w.line ? `:${w.line}` : ''})` : '';
    return `${quote(w.message)}${at}`;
}
/** "unused_variables 3 → 4: unused variable: `y` (src/lib.rs:7)". */
function groupText(g) {
    const named = g.added.slice(0, 3).map(w => warningText(w));
    const rest = g.added.length - named.length + g.unnamed;
    const tail = rest > 0 ? `${named.length ? ' and ' : ''}${`${rest} more`}` : '';
    return `${lintName(g.lint)} ${g.base} → ${g.now}${named.length || tail ? ': ' : ''}${named.join(', ')}${tail}`;
}

const SOURCE$1 = 'ratchet';
function ratchetFindings(report) {
    const s = report.ratchet;
    if (!s)
        return [];
    const out = [];
    if (s.noBase)
        out.push({
            code: 'warnings-no-base',
            severity: 'warn',
            message: `no base to compare warnings with (${s.noBase}): every warning counts as new`,
            source: SOURCE$1
        });
    const against = s.base ? `than the base (${baseName(s.base)})` : 'with no base to compare with';
    const byCrate = new Map();
    for (const g of s.grown)
        byCrate.set(g.crate, [...(byCrate.get(g.crate) ?? []), g]);
    const more = (gs) => gs.reduce((n, g) => n + g.now - g.base, 0);
    const total = more(s.grown);
    const crates = [...byCrate].map(([c, gs]) => (byCrate.size === 1 ? c : `${c} (${more(gs)})`)).join(', ');
    const summary = `${plural(total, 'more warning')} in ${crates} ${against} (deny-warnings: new)`;
    for (const [crate, gs] of byCrate)
        out.push({
            code: 'warnings-new',
            severity: 'block',
            summary,
            crate,
            message: `${plural(more(gs), 'more warning')} in ${crate} ${against}: ${gs.map(groupText).join('; ')}`,
            source: SOURCE$1
        });
    if (s.base && s.fewer > 0)
        out.push({
            code: 'warnings-fewer',
            severity: 'info',
            message: `${plural(s.fewer, 'fewer warning')} than the base (${baseName(s.base)})`,
            source: SOURCE$1
        });
    return out;
}

// The ratchet's renderings: the base it compared with, the new warnings named, fewer ones celebrated.
function ratchetMarkdown(s) {
    if (!s)
        return null;
    const out = ['### Warnings against the base', ''];
    if (s.base) {
        const run = s.base.runUrl ? ` ([run](${s.base.runUrl}))` : '';
        out.push(`Base: ${escapeHtml(baseLine(s.base))}${run}; ${s.baseWarnings} warnings then, ${s.warnings} now.`);
    }
    else
        out.push(`No base: ${escapeHtml(s.noBase ?? '')}. Every warning counts as new.`);
    if (s.grown.length) {
        out.push('', `**New warnings** (per crate and lint the count must not grow):`, '');
        for (const g of s.grown) {
            out.push(`- ${codeSpan(g.crate)} ${codeSpan(lintName(g.lint))}: ${g.base} → ${g.now}`);
            for (const w of g.added)
                out.push(`  - ${escapeHtml(warningText(w, codeSpan))}`);
            if (g.unnamed > 0)
                out.push(`  - ${plural(g.unnamed, 'more warning')} not named (the base kept only a count)`);
        }
    }
    else if (s.base)
        out.push('', 'No crate has more warnings of any lint than the base.');
    if (s.base && s.fewer > 0)
        out.push('', `🎉 ${plural(s.fewer, 'fewer warning')} than the base (${escapeHtml(baseName(s.base))}).`);
    return out.join('\n');
}
function ratchetText(s) {
    if (!s)
        return [];
    const out = [
        s.base
            ? `Warnings against the base (${baseLine(s.base)}): ${s.baseWarnings} then, ${s.warnings} now`
            : `Warnings: no base (${s.noBase}); every warning counts as new`
    ];
    for (const g of s.grown) {
        out.push(`  ${g.crate} ${lintName(g.lint)}: ${g.base} → ${g.now}`);
        for (const w of g.added)
            out.push(`    new: ${warningText(w)}`);
        if (g.unnamed > 0)
            out.push(`    ${plural(g.unnamed, 'more warning')} not named (the base kept only a count)`);
    }
    if (s.base && s.fewer > 0)
        out.push(`  ${plural(s.fewer, 'fewer warning')} than the base`);
    return out;
}

/** Records asked about, newest first, before the latest is taken: each is one git call. */
const ANCESTRY_LOOKUPS = 30;
async function chooseBase(runs, ctx, isAncestor) {
    const newest = [...runs].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    if (newest.length === 0)
        return { record: null, why: 'the run history has no recorded run yet' };
    const pr = ctx.pullRequest;
    if (!pr) {
        const previous = newest.find(r => !ctx.sha || r.sha !== ctx.sha);
        return previous
            ? usable(previous, 'previous-run')
            : { record: null, why: 'the run history has no run of another commit' };
    }
    if (ctx.defaultBranch && pr.baseRef && pr.baseRef !== ctx.defaultBranch)
        return {
            record: null,
            why: `trusted runs record the default branch (${ctx.defaultBranch}), and this pull request's base is ${pr.baseRef}`
        };
    if (!pr.baseSha)
        return usable(newest[0], 'latest');
    const exact = newest.find(r => r.sha === pr.baseSha);
    if (exact)
        return usable(exact, 'base-commit');
    let told = false;
    for (const r of newest.slice(0, ANCESTRY_LOOKUPS)) {
        if (!r.sha)
            continue;
        const before = await isAncestor(r.sha, pr.baseSha);
        if (before === null)
            continue;
        told = true;
        if (before)
            return usable(r, 'before-base');
    }
    return told
        ? { record: null, why: `no recorded run is of the base commit ${pr.baseSha.slice(0, 7)} or before it` }
        : usable(newest[0], 'latest');
}
function usable(record, how) {
    if (record.warnings)
        return { record, how };
    const which = `${record.sha ? record.sha.slice(0, 7) : record.at}`;
    return {
        record: null,
        why: `the base's record (${which}) kept no warnings: its build did not complete, or an older build-gate recorded it`
    };
}

// The ratchet's comparison, pure: per crate and lint the count must not grow. The new warnings of a
// group that grew are the identities it has beyond the base's (a multiset: the same warning twice in
// a file is two); a base that kept only a count cannot say which ones are new.
function compareSets(base, now) {
    const grown = [];
    let fewer = 0;
    const crates = new Set([...Object.keys(base), ...Object.keys(now)]);
    for (const crate of [...crates].sort()) {
        const lints = new Set([...Object.keys(base[crate] ?? {}), ...Object.keys(now[crate] ?? {})]);
        for (const lint of [...lints].sort()) {
            const b = base[crate]?.[lint] ?? '';
            const n = now[crate]?.[lint] ?? '';
            const bc = countOf(b);
            const nc = countOf(n);
            if (nc < bc)
                fewer += bc - nc;
            if (nc <= bc)
                continue;
            grown.push({
                crate,
                lint,
                base: bc,
                now: nc,
                added: typeof b === 'number' ? [] : beyond(identities(n), identities(b))
            });
        }
    }
    return { grown, fewer };
}
/** `now` minus `base`, as multisets. */
function beyond(now, base) {
    const left = new Map();
    for (const id of base)
        left.set(id, (left.get(id) ?? 0) + 1);
    const out = [];
    for (const id of now) {
        const n = left.get(id) ?? 0;
        if (n > 0)
            left.set(id, n - 1);
        else
            out.push(id);
    }
    return out;
}
/**
 * The base's warnings of the crates this run judged: a shard's members, less crates cargo never
 * reached. Other crates' warnings were not looked for, so they are neither new nor gone.
 */
function within(base, judged) {
    if (!judged)
        return base;
    return Object.fromEntries(Object.entries(base).filter(([crate]) => judged.has(crate)));
}

async function ratchet$1(i) {
    const choice = await readBase(i);
    const base = within(choice.record?.warnings ?? {}, i.judged);
    const { grown, fewer } = compareSets(base, i.warnings);
    const named = namer(i.items);
    return {
        base: choice.record
            ? { sha: choice.record.sha, at: choice.record.at, runUrl: choice.record.runUrl, how: choice.how }
            : null,
        noBase: choice.record ? null : choice.why,
        grown: grown.map(named),
        fewer: choice.record ? fewer : 0,
        baseWarnings: choice.record ? totalWarnings(base) : null,
        warnings: totalWarnings(i.warnings)
    };
}
async function readBase(i) {
    if (!i.documents)
        return { record: null, why: 'no store for the run history is configured' };
    try {
        const opened = await i.documents(i.historyPath, historyCodec);
        if (!opened.store)
            return { record: null, why: `the run history ${opened.why}` };
        const history = await opened.store.read();
        if (!history)
            return { record: null, why: `there is no run history at ${opened.store.location} yet` };
        return await chooseBase(history.runs, i.ctx, i.isAncestor);
    }
    catch (e) {
        return { record: null, why: `the run history could not be read: ${errorMessage(e)}` };
    }
}
/** New warnings named per crate and lint in the report; the rest are counted. */
const NAMED_PER_GROUP = 50;
/** Names a group's new identities from the diagnostics the report keeps (their place now). */
function namer(items) {
    const byId = new Map();
    for (const d of items)
        if (d.severity === 'warning') {
            const id = warningIdentity(d);
            byId.set(id, [...(byId.get(id) ?? []), d]);
        }
    return g => {
        const added = [];
        for (const id of g.added.slice(0, NAMED_PER_GROUP)) {
            const d = byId.get(id)?.at(-1);
            if (d)
                added.push({ message: d.message, file: d.span?.file ?? null, line: d.span?.line ?? null });
        }
        const unnamed = Math.max(0, g.now - g.base - added.length);
        return { crate: g.crate, lint: g.lint, base: g.base, now: g.now, added, unnamed };
    };
}
/** git's answer: exit 0 an ancestor, 1 not; anything else (a commit a shallow clone lacks) unknown. */
function gitAncestry(run, cwd) {
    return async (ancestor, commit) => {
        const r = await run('git', ['merge-base', '--is-ancestor', ancestor, commit], { cwd, timeoutSeconds: 30 });
        return r.exitCode === 0 ? true : r.exitCode === 1 ? false : null;
    };
}

function mergeRatchet(sections) {
    const without = sections.find(s => !s.base);
    const sum = (pick) => sections.reduce((n, s) => n + pick(s), 0);
    return {
        base: without ? null : sections[0].base,
        noBase: without ? without.noBase : null,
        grown: sections
            .flatMap(s => s.grown)
            .sort((a, b) => a.crate.localeCompare(b.crate) || a.lint.localeCompare(b.lint)),
        fewer: without ? 0 : sum(s => s.fewer),
        baseWarnings: without ? null : sum(s => s.baseWarnings ?? 0),
        warnings: sum(s => s.warnings)
    };
}

const RATCHET_CODES = {
    'warnings-new': 'deny-warnings: new: a crate has more warnings of a lint than the base (the run history of the base commit)',
    'warnings-no-base': 'deny-warnings: new found no base record to compare with: every warning counts as new',
    'warnings-fewer': 'fewer warnings than the base'
};

const ratchet = {
    name: 'ratchet',
    stage: 'analyses',
    // Its input is the build's `deny-warnings`; the history's place is the tracker's `history-path`.
    inputs: [],
    codes: RATCHET_CODES,
    needs: ['ctx', 'documents'],
    outputs: [
        {
            name: 'new-warnings',
            description: 'With `deny-warnings: new`: how many more warnings than the base, over the crates and lints whose count grew.',
            value: r => (r.ratchet ? String(r.ratchet.grown.reduce((n, g) => n + g.now - g.base, 0)) : null)
        }
    ],
    async run(ports, config) {
        const set = ports.report.diagnostics.warningSet;
        // Without a check that ran there is nothing to compare: the build's findings say why.
        if (!config.warningRatchet || !set || !ports.cargo)
            return { section: {} };
        const section = await ratchet$1({
            warnings: set,
            items: ports.report.diagnostics.items,
            historyPath: config.tracker.historyPath,
            documents: ports.documents,
            ctx: ports.ctx,
            isAncestor: gitAncestry(ports.run, ports.cwd),
            // The report's rows are the members this run gates (a shard's only); those cargo reached are judged.
            judged: new Set(ports.report.crates.filter(c => !c.notChecked).map(c => c.name))
        });
        return { section: { ratchet: section } };
    },
    findings: report => ratchetFindings(report),
    merge: shards => {
        const sections = shards.map(s => s.ratchet).filter((s) => !!s);
        return sections.length ? { ratchet: mergeRatchet(sections) } : {};
    },
    markdown: r => ratchetMarkdown(r.ratchet),
    terminal: r => ratchetText(r.ratchet)
};

// Where a machine-applicable suggestion goes in a review: the lines its edits cover, the whole new
// content of those lines (rustc's spans replaced), and only when GitHub can take it there — every line
// in one hunk of the pull request's diff, at least one of them changed by it, and the same text in the
// diff as in the checkout rustc read (a merge commit can differ from the head).
function place(d, s, input) {
    const files = new Set(s.edits.map(e => e.file));
    if (files.size !== 1)
        return { skip: 'several-files' };
    const file = s.edits[0].file;
    if (path.isAbsolute(file) || file.split(/[\\/]/).includes('..'))
        return { skip: 'off-diff' };
    const repoFile = path.posix.join(input.repoPath, file.split(path.sep).join('/'));
    const right = input.diff.get(repoFile);
    if (!right)
        return { skip: 'off-diff' };
    const text = input.read(file);
    if (text === null)
        return { skip: 'unreadable' };
    const lines = text.split('\n');
    const edited = newContent(lines, s);
    if (!edited)
        return { skip: 'unreadable' };
    const { from, to, content } = edited;
    const hunk = right.get(from)?.hunk;
    let touched = false;
    for (let n = from; n <= to; n++) {
        const r = right.get(n);
        if (!r || r.hunk !== hunk)
            return { skip: 'off-diff' };
        if (r.text !== lines[n - 1])
            return { skip: 'stale' };
        touched ||= r.added;
    }
    if (!touched)
        return { skip: 'off-diff' };
    const comment = {
        path: repoFile,
        line: to,
        side: 'RIGHT',
        ...(to > from ? { start_line: from, start_side: 'RIGHT' } : {}),
        body: commentBody(d, s, content)
    };
    return { comment, file: repoFile, from, to };
}
/**
 * Lines from..to with every edit applied. An edit that ends at the start of a line (rustc removing a
 * whole line takes its newline) leaves that line out when the result still ends a line.
 */
function newContent(lines, s) {
    const from = Math.min(...s.edits.map(e => e.line));
    const end = s.edits.reduce((a, e) => e.endLine > a.endLine || (e.endLine === a.endLine && e.endColumn > a.endColumn) ? e : a);
    const shorter = end.endColumn === 1 && end.endLine > from ? apply(lines, s, from, end.endLine - 1) : null;
    if (shorter !== null && (shorter === '' || shorter.endsWith('\n')))
        return { from, to: end.endLine - 1, content: shorter.replace(/\n$/, '') };
    const full = apply(lines, s, from, end.endLine);
    return full === null ? null : { from, to: end.endLine, content: full.replace(/\n$/, '') };
}
/** The block of lines from..to, each with its newline, with the edits applied; null if they do not fit. */
function apply(lines, s, from, to) {
    if (from < 1 || to > lines.length || to < from)
        return null;
    const block = lines.slice(from - 1, to).map(l => Array.from(`${l}\n`));
    const offset = (line, column) => {
        if (line < from || line > to + 1 || column < 1)
            return null;
        if (line === to + 1)
            return column === 1 ? block.reduce((n, l) => n + l.length, 0) : null;
        const chars = block[line - from];
        if (column > chars.length)
            return null;
        return block.slice(0, line - from).reduce((n, l) => n + l.length, 0) + column - 1;
    };
    const chars = block.flat();
    const edits = s.edits
        .map(e => ({ start: offset(e.line, e.column), end: offset(e.endLine, e.endColumn), text: e.replacement }))
        .sort((a, b) => (b.start ?? 0) - (a.start ?? 0));
    let limit = chars.length;
    for (const e of edits) {
        if (e.start === null || e.end === null || e.end < e.start || e.end > limit)
            return null;
        chars.splice(e.start, e.end - e.start, ...Array.from(e.text));
        limit = e.start;
    }
    return chars.join('');
}
function commentBody(d, s, content) {
    // A fence longer than any run of backticks in the new code, so the code cannot close it.
    const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map(r => r.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    const block = content === '' ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${content}\n${fence}`;
    const lint = d.code ? ` \`${d.code}\`` : '';
    return `**${d.severity}**${lint}: ${markdownText(d.message)}\n\n${markdownText(s.message)}:\n\n${block}\n`;
}

/** GitHub shows a review's comments inline; past this many a review is noise, not help. */
const MAX_SUGGESTIONS = 20;
function planReview(diagnostics, input) {
    const plan = {
        comments: [],
        more: 0,
        total: 0,
        skipped: { 'off-diff': 0, stale: 0, overlap: 0, 'several-files': 0, unreadable: 0 }
    };
    const taken = new Map();
    for (const d of diagnostics)
        for (const s of d.suggestions ?? []) {
            plan.total++;
            const placed = place(d, s, input);
            if ('skip' in placed) {
                plan.skipped[placed.skip]++;
                continue;
            }
            const ranges = taken.get(placed.file) ?? [];
            if (ranges.some(([a, b]) => placed.from <= b && a <= placed.to)) {
                plan.skipped.overlap++;
                continue;
            }
            taken.set(placed.file, [...ranges, [placed.from, placed.to]]);
            if (plan.comments.length < MAX_SUGGESTIONS)
                plan.comments.push(placed.comment);
            else
                plan.more++;
        }
    // In the order of the files, as the pull request shows them.
    plan.comments.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
    return plan;
}

// The review in the summary, the PR comment and the terminal: how many suggestions, where, or why none.
/** One sentence; `markdown`: the review as a link, else its address in brackets. */
function reviewLine(o, markdown = false) {
    const n = (k) => `${k} suggestion${k === 1 ? '' : 's'}`;
    const link = (text) => (!o.url ? text : markdown ? `[${text}](${o.url})` : `${text} (${o.url})`);
    const more = o.more ? `; ${o.more} more not posted (a review carries at most ${MAX_SUGGESTIONS})` : '';
    const off = o.offDiff ? `; ${n(o.offDiff)} not on lines this pull request changed` : '';
    switch (o.mode) {
        case 'posted':
            return `${n(o.posted)} posted as a ${link('review')}${more}${off}.`;
        case 'exists':
            return `${link('The review')} of this commit's suggestions is already posted: nothing posted again.`;
        case 'dry-run':
            return `Dry run: ${n(o.posted)} would be posted as a review${more}${off}.`;
        default:
            return `No suggestions posted: ${o.note}.`;
    }
}
function reviewMarkdown(o) {
    if (!o)
        return null;
    return ['### Suggested changes', '', reviewLine(o, true), ''].join('\n');
}

const HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
/** Right-side lines by line number. A patch it cannot read gives no lines (nothing is commented). */
function rightLines(patch) {
    const lines = new Map();
    let hunk = -1;
    let next = 0;
    for (const raw of patch.split('\n')) {
        const header = HEADER.exec(raw);
        if (header) {
            hunk++;
            next = Number(header[1]);
            continue;
        }
        if (hunk < 0)
            continue;
        const mark = raw[0];
        if (mark === '+' || mark === ' ')
            lines.set(next++, { text: raw.slice(1), added: mark === '+', hunk });
        // '-' is the left side only; '\' is "\ No newline at end of file".
    }
    return lines;
}

const ATTEMPTS = 3;
/** The marker of the review for one head commit: a rerun on the same commit finds it and posts nothing. */
const markerFor = (sha) => `<!-- build-gate:suggestions ${sha} -->`;
const params = (t) => ({ owner: t.owner, repo: t.repo, pull_number: t.number });
async function headOf(client, target) {
    return (await client.rest.pulls.get(params(target))).data.head.sha;
}
/** The reviews that carry the marker of `sha`, oldest first. */
async function marked(client, target, sha) {
    const reviews = await listAll(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', params(target));
    return reviews.filter(r => r.body?.includes(markerFor(sha))).sort((a, b) => a.id - b.id);
}
/** The oldest review that carries the marker of `sha`. */
async function findReview(client, target, sha) {
    return (await marked(client, target, sha))[0] ?? null;
}
/**
 * After posting: when another run posted for the same head first, this run's review gives way (its
 * comments deleted, its body pointing at the other one, without the marker). Returns the review kept.
 */
async function settleRace(client, target, sha, mine, log) {
    const oldest = (await marked(client, target, sha))[0];
    if (!oldest || oldest.id >= mine.id)
        return mine;
    log(`another run posted the suggestions for ${sha.slice(0, 7)} at the same time; review ${mine.id} gives way`);
    const comments = await listAll(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments', { ...params(target), review_id: mine.id });
    for (const c of comments)
        try {
            await client.rest.pulls.deleteReviewComment({
                owner: target.owner,
                repo: target.repo,
                comment_id: c.id
            });
        }
        catch (e) {
            if (status(e) !== 404)
                throw e;
        }
    await client.rest.pulls.updateReview({
        ...params(target),
        review_id: mine.id,
        body: `Another run posted these suggestions at the same time: ${oldest.html_url ?? `review ${oldest.id}`}.`
    });
    return oldest;
}
/** The right side of the pull request's diff, by file (files GitHub gives no patch for have no lines). */
async function pullDiff(client, target, log) {
    const files = await listAll(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', params(target), log);
    return new Map(files.map(f => [f.filename, rightLines(f.patch ?? '')]));
}
async function postReview(client, target, review, log) {
    for (let attempt = 1;; attempt++) {
        try {
            const { data } = await client.rest.pulls.createReview({
                ...params(target),
                commit_id: review.sha,
                event: 'COMMENT',
                body: review.body,
                comments: review.comments,
                ...NO_RETRY
            });
            return data;
        }
        catch (e) {
            if (!ambiguous(e) || attempt >= ATTEMPTS)
                throw e;
            log(`posting the review on pull request #${target.number} may have failed; reading the reviews first`);
            const found = await findReview(client, target, review.sha);
            if (found)
                return found;
            await pause(1000 * attempt);
        }
    }
}

// review-suggestions: on a pull request, rustc's and clippy's machine-applicable suggestions as one
// review of GitHub "suggested changes" on the lines the pull request changed, one click to apply.
// Once per head commit (a marker in the review body); never from a fork's read-only token or a run
// whose event cannot be read; a review that cannot be posted is a note, never a verdict change.
const blank = { posted: 0, more: 0, offDiff: 0, url: null, commit: null };
const skipped = (note) => ({ mode: 'skipped', ...blank, note });
/** The workspace's place in the repository: its root under the checkout ('' at the top). */
function repoPathOf(root) {
    const rel = path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), root);
    return rel.startsWith('..') || path.isAbsolute(rel) ? '' : rel.split(path.sep).join('/');
}
function readText(file) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch {
        return null;
    }
}
/** Why this run posts no review at all, before anything is read from GitHub; null: it may. */
function refusal(ports) {
    const { ctx } = ports;
    if (ctx.payloadProblem)
        return `${ctx.payloadProblem}, so the run is not trusted to review`;
    if (!ctx.pullRequest || !ctx.eventName.startsWith('pull_request'))
        return `a review needs a pull request run (this is ${ctx.eventName || 'not a GitHub Actions run'})`;
    if (ctx.pullRequest.fork)
        return `pull request #${ctx.pullRequest.number} comes from a fork, whose token may only read`;
    if (!ports.github)
        return 'no `github-token` to read the pull request with';
    return null;
}
async function review(ports, config) {
    const { ctx, github, report, log } = ports;
    const why = refusal(ports);
    if (why || !github || !ctx.pullRequest || !ctx.owner || !ctx.repo)
        return skipped(why ?? 'the repository is not known (GITHUB_REPOSITORY)');
    const items = report.diagnostics.items;
    if (!items.some(d => d.suggestions?.length))
        return { mode: 'none', ...blank, note: 'rustc and clippy gave no machine-applicable suggestion' };
    const target = { owner: ctx.owner, repo: ctx.repo, number: ctx.pullRequest.number };
    const sha = await headOf(github, target);
    if (ctx.pullRequest.headSha && ctx.pullRequest.headSha !== sha)
        return skipped(`pull request #${target.number} moved on to ${sha.slice(0, 7)} since this run checked ${ctx.pullRequest.headSha.slice(0, 7)}; the run of the new head reviews it`);
    const earlier = await findReview(github, target, sha);
    if (earlier)
        return { mode: 'exists', ...blank, url: earlier.html_url ?? null, commit: sha, note: 'already posted' };
    const root = report.workspace.root;
    const plan = planReview(items, {
        repoPath: repoPathOf(root),
        read: file => readText(path.resolve(root, file)),
        diff: await pullDiff(github, target, log)
    });
    const offDiff = plan.total - plan.comments.length - plan.more - plan.skipped.overlap;
    const counts = { posted: plan.comments.length, more: plan.more, offDiff, commit: sha };
    if (!plan.comments.length)
        return {
            mode: 'none',
            ...blank,
            ...counts,
            note: `none of the ${plan.total} machine-applicable suggestions is on lines this pull request changed`
        };
    if (config.dryRun)
        return { mode: 'dry-run', url: null, ...counts, note: 'dry run' };
    const body = [
        markerFor(sha),
        `rustc's and clippy's own fixes for warnings on lines this pull request changed: ${plan.comments.length} suggested change${plan.comments.length === 1 ? '' : 's'}, each one click to apply.${plan.more ? ` ${plan.more} more are not shown; the next commit's run reviews them.` : ''}`
    ].join('\n');
    const posted = await postReview(github, target, { sha, body, comments: plan.comments }, log);
    const kept = await settleRace(github, target, sha, posted, log);
    return kept.id === posted.id
        ? { mode: 'posted', url: posted.html_url ?? null, ...counts, note: 'posted' }
        : { mode: 'exists', ...blank, url: kept.html_url ?? null, commit: sha, note: 'another run posted it' };
}
const reviewSuggestions = {
    name: 'review-suggestions',
    stage: 'sync',
    inputs: [
        {
            name: 'review-suggestions',
            default: 'false',
            description: "On a pull request, post rustc's and clippy's machine-applicable suggestions on the lines it changed as one review of suggested changes (at most 20, once per head commit; never from a fork). Needs `pull-requests: write`."
        }
    ],
    parse: p => ({ reviewSuggestions: p.bool('review-suggestions') }),
    codes: {},
    outputs: [],
    async sync(ports, config) {
        // The merge job reviews once for every shard.
        if (!config.reviewSuggestions || config.shard)
            return { section: {}, findings: [] };
        let outcome;
        const warnings = [];
        try {
            outcome = await review(ports, config);
        }
        catch (e) {
            // Suggestions are help, not the verdict: a refused or failed review is said and fails nothing.
            const forbidden = status(e) === 403;
            outcome = {
                mode: forbidden ? 'forbidden' : 'failed',
                ...blank,
                note: forbidden
                    ? 'the token may not review the pull request (HTTP 403; it needs `pull-requests: write`)'
                    : `the review could not be posted: ${errorMessage(e)}`
            };
            if (!forbidden)
                warnings.push(`Suggested changes: ${outcome.note}. The verdict stands.`);
        }
        ports.log(`suggested changes: ${reviewLine(outcome)}`);
        return { section: { reviewSuggestions: outcome }, findings: [], warnings };
    },
    markdown: r => reviewMarkdown(r.reviewSuggestions),
    terminal: r => (r.reviewSuggestions ? [`Suggested changes: ${reviewLine(r.reviewSuggestions)}`] : [])
};

function comparisonKey(k) {
    const key = {
        rustc: k.rustc,
        host: k.host,
        os: k.runnerOs,
        metric: k.metric,
        check: k.checkArgs.join(' '),
        profile: profileOf(k.checkArgs)
    };
    if (k.runTests)
        key.test = k.testArgs.join(' ');
    // Absent for two phases, so the histories recorded before compile-once existed stay comparable.
    if (k.compileOnce)
        key.build = 'compile-once';
    return key;
}
/** One string per key, independent of property order, for lookups. */
function keyId(key) {
    return Object.keys(key)
        .sort()
        .map(k => `${k}=${key[k]}`)
        .join('\n');
}
function profileOf(args) {
    if (args.includes('--release') || args.includes('-r'))
        return 'release';
    const i = args.indexOf('--profile');
    if (i !== -1 && args[i + 1])
        return args[i + 1];
    const eq = args.find(a => a.startsWith('--profile='));
    return eq ? eq.slice('--profile='.length) : 'dev';
}
/**
 * Read from the check phase, the first to see the cache as the job restored it. Dependencies: `cold`
 * when none was cached, `warm` when at most a few had to be compiled (a new or bumped dependency is
 * compiled and so counted, which is what catches a slow new dependency), `partial` in between (a
 * half-restored cache: comparable with nothing). Workspace crates: `compiled`, `fresh` or `partial`; a
 * new workspace crate is simply compiled too. test-build reuses check's build scripts and proc-macros
 * (reported fresh), so for it only whether dependencies had to be compiled counts.
 */
function cacheState(phases) {
    const check = checkingPhase(phases)?.units ?? sumUnits([]);
    const parts = [`dependencies:${depState(check.dependencies)}`, `workspace:${wsState(check.workspace)}`];
    const build = phases.find(p => p.name === 'test-build')?.units;
    if (build) {
        const d = depState(build.dependencies);
        parts.push(`test-dependencies:${d === 'warm' || d === 'none' ? d : 'compiled'}`);
    }
    return parts.join(' ');
}
// A handful of newly compiled dependencies still counts as warm: the new dependency's cost is real.
const WARM_MAX_COMPILED_SHARE = 0.1;
const WARM_MAX_COMPILED_ALWAYS = 3;
function depState({ compiled, fresh }) {
    const total = compiled + fresh;
    if (total === 0)
        return 'none';
    if (fresh === 0)
        return 'cold';
    if (compiled <= Math.max(WARM_MAX_COMPILED_ALWAYS, WARM_MAX_COMPILED_SHARE * total))
        return 'warm';
    return 'partial';
}
function wsState({ compiled, fresh }) {
    if (compiled === 0)
        return 'fresh';
    return fresh === 0 ? 'compiled' : 'partial';
}
function sumUnits(list) {
    const out = { workspace: { compiled: 0, fresh: 0 }, dependencies: { compiled: 0, fresh: 0 } };
    for (const u of list) {
        out.workspace.compiled += u.workspace.compiled;
        out.workspace.fresh += u.workspace.fresh;
        out.dependencies.compiled += u.dependencies.compiled;
        out.dependencies.fresh += u.dependencies.fresh;
    }
    return out;
}
/** Why two cache states differ, in words, e.g. "dependencies were cold here but warm in the baseline". */
function describeCacheDifference(current, baseline) {
    const parse = (s) => Object.fromEntries(s.split(' ').map(p => p.split(':')));
    const a = parse(current);
    const b = parse(baseline);
    const diffs = Object.keys(a)
        .filter(k => a[k] !== b[k])
        .map(k => `${k} were ${a[k]} here but ${b[k] ?? 'absent'} in the baseline`);
    return diffs.join(' and ') || 'cache states differ';
}

// The baseline file: versioned JSON, one entry per comparison key + cache state, each a bounded
// history of samples (oldest first). Validation names the file and says how to recover.
const BASELINE_FORMAT = 'build-gate-baseline';
const BASELINE_VERSION = 1;
/** A GateError of kind `baseline`, naming the baseline's location. */
class BaselineError extends GateError {
    location;
    constructor(location, message) {
        super('baseline', `Baseline ${location}: ${message}`);
        this.location = location;
        this.name = 'BaselineError';
    }
}
function emptyBaseline() {
    return { format: BASELINE_FORMAT, version: BASELINE_VERSION, entries: [] };
}
/** Text → Baseline, or a BaselineError naming `location` (the file, and the branch). */
function parseBaseline(text, location) {
    const fix = 'fix or delete it (the gate never overwrites a baseline it cannot read)';
    if (text.trim() === '')
        throw new BaselineError(location, `the file is empty; ${fix}.`);
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (e) {
        throw new BaselineError(location, `not valid JSON (${e.message}); ${fix}.`);
    }
    const b = v;
    if (!b || typeof b !== 'object' || b.format !== BASELINE_FORMAT)
        throw new BaselineError(location, `not a build-gate baseline (no "format": "${BASELINE_FORMAT}"); ${fix}, or choose another baseline-path.`);
    if (b.version !== BASELINE_VERSION)
        throw new BaselineError(location, `schema version ${String(b.version)} is not supported (this build-gate reads version ${BASELINE_VERSION}); ${fix}, or use the build-gate release that wrote it.`);
    if (!Array.isArray(b.entries))
        throw new BaselineError(location, `"entries" must be a list; ${fix}.`);
    b.entries.forEach((e, i) => {
        const where = `entries[${i}]`;
        if (!e ||
            typeof e !== 'object' ||
            !e.key ||
            typeof e.key !== 'object' ||
            typeof e.cacheState !== 'string')
            throw new BaselineError(location, `${where} needs "key" and "cacheState"; ${fix}.`);
        if (!Array.isArray(e.samples) || e.samples.some(s => !isSeconds(s?.seconds)))
            throw new BaselineError(location, `${where}.samples must be a list of {"seconds": number ≥ 0, …}; ${fix}.`);
        e.samples.forEach((s, j) => {
            const crates = s.crates;
            if (crates === undefined)
                return;
            if (!crates || typeof crates !== 'object' || Object.values(crates).some(v => !isSeconds(v)))
                throw new BaselineError(location, `${where}.samples[${j}].crates must map crate names to seconds (numbers ≥ 0); ${fix}.`);
        });
    });
    return b;
}
/** A duration as the baseline stores it: a finite number of seconds, not negative. */
function isSeconds(v) {
    return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}
function serializeBaseline(b) {
    return `${JSON.stringify(b, null, 2)}\n`;
}
function findEntry(b, key, cacheState) {
    const id = keyId(key);
    return b?.entries.find(e => keyId(e.key) === id && e.cacheState === cacheState) ?? null;
}
/** Entries with the same key but another cache state: what makes a run not comparable. */
function otherCacheStates(b, key) {
    const id = keyId(key);
    return b?.entries.filter(e => keyId(e.key) === id && e.samples.length > 0) ?? [];
}
/** A copy of `b` with `sample` appended to its entry, keeping the last `history` samples. */
function addSample(b, key, cacheState, sample, history) {
    const base = b ?? emptyBaseline();
    const id = keyId(key);
    let found = false;
    const entries = base.entries.map(e => {
        if (keyId(e.key) !== id || e.cacheState !== cacheState)
            return e;
        found = true;
        return { ...e, samples: [...e.samples, sample].slice(-history) };
    });
    if (!found)
        entries.push({ key, cacheState, samples: [sample] });
    return { ...base, entries };
}
/** The baseline as a document of the gate's store. */
const baselineCodec = {
    what: 'the baseline',
    parse: parseBaseline,
    serialize: serializeBaseline,
    error: (location, message) => new BaselineError(location, message),
    commitMessage: 'Update build-gate baseline',
    pathHint: 'set baseline-path to a file such as build-gate/baseline.json',
    tooLargeHint: 'lower baseline-history or delete the file'
};

const SOURCE = 'timing';
function timingFindings(t, config) {
    if (!t)
        return [];
    return [...regressionFindings(t, config), ...crateTimingFindings(t)];
}
function regressionFindings(t, config) {
    if (t.regression === 'true')
        return [
            config.failOnRegression
                ? { code: 'build-time-regression', severity: 'block', message: t.explanation, source: SOURCE }
                : {
                    code: 'build-time-regression',
                    severity: 'warn',
                    message: `${t.explanation} (advisory: fail-on-regression is false)`,
                    source: SOURCE
                }
        ];
    if (t.regression === 'false' && t.slower === true)
        return [{ code: 'build-time-slower', severity: 'warn', message: t.explanation, source: SOURCE }];
    if (t.regression === 'not-comparable')
        return [{ code: 'build-time-not-comparable', severity: 'warn', message: t.explanation, source: SOURCE }];
    return [];
}
/** Per-crate times are context: a report cargo did not write or this gate could not read is said, never fatal. */
function crateTimingFindings(t) {
    return t.crateTimingsNote
        ? [{ code: 'crate-timings-unread', severity: 'info', message: t.crateTimingsNote, source: SOURCE }]
        : [];
}
/** A baseline that exists but cannot be read blocks: it is never overwritten and never ignored silently. */
function baselineProblem(message) {
    return { code: 'baseline-error', severity: 'block', message, source: SOURCE };
}

// cargo's --timings HTML reports live in the target directory, which CI rarely uploads and the next
// build overwrites: copy them beside the JSON report, so a workflow uploads both from one place.
/** `build-gate-report.json` → `build-gate-report.cargo-timing-check.html`. */
function keptReportPath(reportFile, phase) {
    const stem = path.basename(reportFile).replace(/\.json$/i, '');
    return path.join(path.dirname(reportFile), `${stem}.cargo-timing-${phase}.html`);
}
/** Copies the reports; the returned section names the copies (a file that could not be copied keeps its path). */
function keepTimingReports(report, reportFile) {
    const files = report.timing?.cargoTimings;
    if (!report.timing || !files || files.length === 0)
        return {};
    const kept = files.map(f => {
        const to = keptReportPath(reportFile, f.phase);
        try {
            copyFileSync(f.path, to);
            return { ...f, path: to };
        }
        catch {
            return f;
        }
    });
    return { timing: { ...report.timing, cargoTimings: kept } };
}

// The build-time history as a picture that renders everywhere (job summary, PR comment, terminal):
// Unicode sparklines, one glyph per run, this run last and set apart, the limit stated at its level.
// Pure.
/** Crates with a trend line: the slowest now. */
const TREND_CRATES = 5;
/**
 * Lines of text (monospace) for the history of this run's comparable builds and of its slowest crates.
 * Empty when there is no history to draw.
 */
function trendLines(t) {
    const trend = t.trend;
    if (!trend || trend.seconds.length === 0)
        return [];
    const limit = trend.limitSeconds;
    const all = [...trend.seconds, t.seconds, ...(limit === null ? [] : [limit])];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const over = limit !== null && t.seconds > limit;
    const label = (s) => s.padEnd(width(t), ' ');
    const limitWords = limit === null
        ? ''
        : `, limit ${limit.toFixed(2)} s (${sparkline([limit], lo, hi)})${over ? ' ← over' : ''}`;
    const lines = [
        `${label('build')} ${sparkline(trend.seconds, lo, hi)} │ ${sparkline([t.seconds], lo, hi)}  ${t.seconds.toFixed(2)} s now${limitWords}; ${trend.seconds.length} earlier runs, oldest first`
    ];
    for (const c of trend.crates) {
        const now = t.crates.find(x => x.name === c.name)?.seconds ?? null;
        const values = [...c.seconds, now].filter((v) => v !== null);
        const clo = Math.min(...values);
        const chi = Math.max(...values);
        const delta = t.crates.find(x => x.name === c.name)?.deltaPercent ?? null;
        const vs = delta === null ? '' : ` (${delta > 0 ? '+' : ''}${delta.toFixed(1)}% vs its median)`;
        lines.push(`${label(c.name)} ${sparkline(c.seconds, clo, chi)} │ ${sparkline([now], clo, chi)}  ${now === null ? 'not compiled now' : `${now.toFixed(2)} s`}${vs}`);
    }
    return lines;
}
function width(t) {
    return Math.max('build'.length, ...(t.trend?.crates.map(c => c.name.length) ?? []));
}

const MOVERS = 5;
const VERDICT = {
    true: 'regression',
    false: 'within limits',
    'not-comparable': 'not comparable',
    'no-baseline': 'no baseline yet'
};
function timingMarkdown(t) {
    const out = [
        `### Build time: ${VERDICT[t.regression]}`,
        '',
        `${headline(t)}`,
        '',
        ...explanation(t),
        ...trendBlock(t),
        '| phase | wall (s) | cpu (s) | workspace compiled / fresh | dependencies compiled / fresh |',
        '| --- | ---: | ---: | ---: | ---: |',
        ...t.phases.map(p => `| ${p.name} | ${p.wallSeconds.toFixed(2)} | ${p.cpuSeconds === null ? '–' : p.cpuSeconds.toFixed(2)} | ${p.units.workspace.compiled} / ${p.units.workspace.fresh} | ${p.units.dependencies.compiled} / ${p.units.dependencies.fresh} |`)
    ];
    const movers = moved(t);
    if (movers.length > 0)
        out.push('', 'Crates that moved most (wall seconds of their units, from `cargo --timings`):', '', '| crate | now (s) | baseline (s) | change |', '| --- | ---: | ---: | ---: |', ...movers.map(c => `| ${c.name} | ${c.seconds.toFixed(2)} | ${c.baselineSeconds?.toFixed(2) ?? 'new'} | ${change(c.deltaPercent)} |`));
    if (t.crateTimingsNote)
        out.push('', t.crateTimingsNote);
    out.push('', `<sub>Cache state \`${t.cacheState}\`. ${t.baselineNote}</sub>`);
    return out.join('\n');
}
/** The trend in a fenced block: sparklines need a monospace font to line up. */
function trendBlock(t) {
    const lines = trendLines(t);
    return lines.length === 0 ? [] : ['```text', ...lines, '```', ''];
}
function timingText(t) {
    const lines = [
        `Build time: ${VERDICT[t.regression]}. ${headline(t, false)}`,
        ...explanation(t)
            .filter(Boolean)
            .map(l => `  ${l}`)
    ];
    lines.push(...trendLines(t).map(l => `  ${l}`));
    for (const p of t.phases)
        lines.push(`  ${p.name.padEnd(10)} wall ${p.wallSeconds.toFixed(2).padStart(8)} s  cpu ${(p.cpuSeconds === null ? '–' : p.cpuSeconds.toFixed(2)).padStart(8)} s  compiled ${p.units.workspace.compiled + p.units.dependencies.compiled}, fresh ${p.units.workspace.fresh + p.units.dependencies.fresh}`);
    for (const c of moved(t))
        lines.push(`  ${c.name}: ${c.seconds.toFixed(2)} s (baseline ${c.baselineSeconds?.toFixed(2) ?? 'none'}, ${change(c.deltaPercent)})`);
    if (t.crateTimingsNote)
        lines.push(`  ${t.crateTimingsNote}`);
    lines.push(`  ${t.baselineNote}`);
    return lines.join('\n');
}
/** The crates that moved most: only against a baseline (without one nothing moved). */
function moved(t) {
    return t.crates.some(c => c.baselineSeconds !== null) ? t.crates.slice(0, MOVERS) : [];
}
/** Why, unless the headline already says it ("Not measured (why)."). */
function explanation(t) {
    return t.notMeasured === undefined ? [t.explanation, ''] : [];
}
function headline(t, bold = true) {
    if (t.notMeasured !== undefined)
        return `Not measured (${t.notMeasured}).`;
    const base = t.baselineSeconds === null
        ? ''
        : ` vs baseline ${t.baselineSeconds.toFixed(2)} s (${change(t.deltaPercent)}, ${t.samples} sample${t.samples === 1 ? '' : 's'})`;
    const confirmed = t.confirmed === null ? '' : t.confirmed ? ', confirmed by a rebuild' : ', not confirmed by a rebuild';
    const what = t.key.build === 'compile-once' ? 'one cargo build for check + test build' : 'check + test build';
    const seconds = `${t.seconds.toFixed(2)} s`;
    return `${bold ? `**${seconds}**` : seconds} ${t.metric} (${what})${base}${confirmed}.`;
}
function change(p) {
    return p === null ? '–' : `${p > 0 ? '+' : ''}${p.toFixed(1)}%`;
}
/**
 * A shard skips the comparison, and the merge has nothing to compare: say so where the Build time
 * section would be, rather than leave it out without a word.
 */
function shardNote(report) {
    if (!report.shard || report.timing)
        return null;
    const what = report.shard.merged ? 'the shards each built' : 'this shard built';
    return `Build time not compared with the baseline: ${what} part of the workspace, in parallel and with a cache of its own, so neither a shard's time nor the shards' sum is the workspace's build time. An unsharded run of the gate (e.g. on push to the default branch) measures and compares it.`;
}
/**
 * While a pull request finds no baseline, say exactly what makes one: a run on push to the default
 * branch, with write access to contents for the baseline branch.
 */
function baselineHint(report, run) {
    if (report.timing?.regression !== 'no-baseline' || !run.eventName.startsWith('pull_request'))
        return null;
    const branch = run.defaultBranch ?? 'main';
    return [
        `**No build-time baseline yet.** Pull requests never write it; a stable run on push to \`${branch}\` does. Add this to the workflow:`,
        '',
        '```yaml',
        'on:',
        '  pull_request:',
        '  push:',
        `    branches: [${branch}]`,
        '```',
        '',
        `and give the job that runs on push \`permissions: contents: write\` (it writes the \`${run.baselineBranch}\` branch); the pull request job keeps \`contents: read\`. The README's Quick start shows the whole workflow.`
    ].join('\n');
}

// Robust statistics for short, noisy histories: median and MAD ignore the odd slow runner
// that a mean and standard deviation would chase.
function median(values) {
    if (values.length === 0)
        throw new Error('median of an empty list');
    const s = [...values].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Median absolute deviation from the median. */
function mad(values) {
    const m = median(values);
    return median(values.map(v => Math.abs(v - m)));
}
// MAD × 1.4826 estimates the standard deviation of normally distributed noise.
const MAD_TO_SIGMA = 1.4826;
function robustSigma(values) {
    return MAD_TO_SIGMA * mad(values);
}
function percentChange(current, reference) {
    return reference === 0 ? 0 : ((current - reference) / reference) * 100;
}
function round(n, digits = 3) {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
}

// Measurement + decision + baseline → the report's timing section. Pure.
function timingSection(m, result, baseline, update, crateTimes = { files: [], problems: [] }) {
    const d = result.decision;
    const entry = findEntry(baseline, m.key, m.cacheState);
    const crates = Object.entries(m.crates).map(([name, seconds]) => {
        const past = entry?.samples.map(s => s.crates?.[name]).filter((v) => typeof v === 'number') ?? [];
        const base = past.length > 0 ? round(median(past)) : null;
        return {
            name,
            seconds,
            baselineSeconds: base,
            deltaPercent: base === null ? null : round(percentChange(seconds, base), 1)
        };
    });
    // Crates that moved most (in seconds) first; new crates (no baseline) by their own time.
    crates.sort((a, b) => Math.abs(b.seconds - (b.baselineSeconds ?? 0)) - Math.abs(a.seconds - (a.baselineSeconds ?? 0)));
    return {
        metric: m.metric,
        key: m.key,
        cacheState: m.cacheState,
        seconds: m.seconds ?? 0,
        ...(m.seconds === null ? { notMeasured: m.unmeasurable ?? 'no measurement' } : {}),
        baselineSeconds: d.baselineSeconds,
        deltaPercent: d.deltaPercent,
        regression: d.regression,
        slower: d.slower,
        explanation: d.explanation,
        samples: d.samples,
        confirmed: result.confirmed,
        phases: m.phases,
        crates,
        baselineUpdated: update.updated,
        baselineNote: update.note,
        cargoTimings: crateTimes.files,
        crateTimingsNote: crateTimes.problems.length > 0
            ? `Per-crate times incomplete: ${crateTimes.problems.join('; ')}.`
            : null,
        ...(entry && entry.samples.length > 0
            ? {
                trend: {
                    seconds: entry.samples.map(s => s.seconds),
                    limitSeconds: d.limitSeconds,
                    crates: Object.entries(m.crates)
                        .sort((a, b) => b[1] - a[1])
                        .slice(0, TREND_CRATES)
                        .map(([name]) => ({ name, seconds: entry.samples.map(s => s.crates?.[name] ?? null) }))
                }
            }
            : {})
    };
}
/** The action outputs this section stands for. */
function timingOutputs(t) {
    return {
        'build-seconds': t.notMeasured === undefined ? String(t.seconds) : '',
        'baseline-seconds': t.baselineSeconds === null ? '' : String(t.baselineSeconds),
        'build-delta-percent': t.deltaPercent === null ? '' : String(t.deltaPercent),
        'build-regression': t.regression
    };
}

const TIMING_CODES = {
    'build-time-regression': 'build time is over the baseline limit (fail-on-regression policy)',
    'build-time-slower': 'build time is over the tolerance, with too little history to call it a regression',
    'build-time-not-comparable': 'build time could not be compared with the baseline',
    'baseline-error': 'the build-time baseline exists but cannot be read',
    'crate-timings-unread': "per-crate times are missing: cargo's --timings report was not written or not understood"
};

/** How many robust standard deviations above the median the history's own noise reaches. */
const SPREAD_SIGMAS = 3;
/** Below this absolute slowdown nothing is a regression: clock ticks and process start-up dominate. */
const MIN_DELTA_SECONDS = 0.5;
function decide(m, baseline, opts) {
    const none = {
        suspected: false,
        slower: false,
        baselineSeconds: null,
        deltaPercent: null,
        limitSeconds: null,
        samples: 0
    };
    if (m.seconds === null)
        return {
            ...none,
            regression: 'not-comparable',
            explanation: `Build time not measured: ${m.unmeasurable}.`
        };
    const entry = findEntry(baseline, m.key, m.cacheState);
    if (!entry || entry.samples.length === 0) {
        const others = otherCacheStates(baseline, m.key);
        if (others.length > 0) {
            const other = others.reduce((a, b) => (b.samples.length > a.samples.length ? b : a));
            return {
                ...none,
                regression: 'not-comparable',
                explanation: `Not comparable: ${describeCacheDifference(m.cacheState, other.cacheState)} (${samples(other.samples.length)} of \`${other.cacheState}\`, none of \`${m.cacheState}\`). A different cache state measures different work, so this is never called a regression.`
            };
        }
        return {
            ...none,
            regression: 'no-baseline',
            explanation: 'No baseline yet for this toolchain, runner, commands and cache state.'
        };
    }
    return judge$1(m.seconds, entry.samples.map(s => s.seconds), opts);
}
/** The rule on plain numbers: `current` against the comparable `history`. */
function judge$1(current, history, opts) {
    const n = history.length;
    const med = median(history);
    const delta = round(percentChange(current, med), 1);
    const tolLimit = med * (1 + opts.tolerancePercent / 100);
    const floorLimit = med + MIN_DELTA_SECONDS;
    const enough = n >= opts.minSamples;
    const spreadLimit = enough ? med + SPREAD_SIGMAS * robustSigma(history) : 0;
    const limit = Math.max(tolLimit, floorLimit, spreadLimit);
    const base = { baselineSeconds: round(med), deltaPercent: delta, limitSeconds: round(limit), samples: n };
    const vs = `${fmt(current)} s vs median ${fmt(med)} s of ${samples(n)} (${sign(delta)}%)`;
    if (current <= limit) {
        const why = current > tolLimit && spreadLimit >= limit
            ? `; over the ${opts.tolerancePercent}% tolerance but within the history's own spread (up to ${fmt(limit)} s), so noise cannot be ruled out`
            : current > tolLimit
                ? `; under the ${MIN_DELTA_SECONDS} s floor`
                : '';
        return {
            ...base,
            regression: 'false',
            suspected: false,
            slower: false,
            explanation: `Within limits: ${vs}${why}.`
        };
    }
    if (!enough)
        return {
            ...base,
            regression: 'false',
            suspected: false,
            slower: true,
            explanation: `Slower: ${vs}, over the ${opts.tolerancePercent}% tolerance, but only ${n} of ${opts.minSamples} samples are stored (baseline-min-samples), so this is a warning, not a regression.`
        };
    const which = spreadLimit >= tolLimit
        ? `the history's spread (median + ${SPREAD_SIGMAS}σ)`
        : `the ${opts.tolerancePercent}% tolerance`;
    return {
        ...base,
        regression: 'true',
        suspected: true,
        slower: false,
        explanation: `Regression: ${vs}, over the limit of ${fmt(limit)} s set by ${which}.`
    };
}
function fmt(n) {
    return n.toFixed(2);
}
function sign(n) {
    return n > 0 ? `+${n}` : String(n);
}
function samples(n) {
    return `${n} sample${n === 1 ? '' : 's'}`;
}

/**
 * `rebuild` must rebuild the workspace crates only, the same way: `cargo clean -p <every member>`, then
 * the same check and test-build commands (same args, env, wrapper), and measure them like the first time.
 */
async function confirmRegression(first, baseline, opts, rebuild) {
    if (!first.suspected || !opts.confirm)
        return { decision: first, confirmed: null, confirmation: null };
    const again = await rebuild();
    const second = decide(again, baseline, opts);
    const secs = again.seconds === null ? '?' : again.seconds.toFixed(2);
    if (second.regression === 'true')
        return {
            decision: {
                ...first,
                explanation: `${first.explanation} Confirmed: the rebuild took ${secs} s, also over the limit.`
            },
            confirmed: true,
            confirmation: again
        };
    if (second.regression === 'false' && second.samples >= opts.minSamples)
        return {
            decision: {
                ...first,
                regression: 'false',
                suspected: false,
                explanation: `${first.explanation} Not confirmed: the rebuild took ${secs} s, within the limit, so the first build was noise.`
            },
            confirmed: false,
            confirmation: again
        };
    // The rebuild measured other work (e.g. a cold first run, a warm rebuild): the first decision stands.
    return {
        decision: {
            ...first,
            explanation: `${first.explanation} The rebuild could not be compared (${second.explanation})`
        },
        confirmed: null,
        confirmation: again
    };
}

// Per-crate compile times: one entry per unit cargo compiled for a workspace crate (from its
// --timings report), summed per crate for the report and the baseline.
/** Seconds per crate over all its units. */
function totalsByCrate(times) {
    const totals = new Map();
    for (const t of times)
        totals.set(t.crate, (totals.get(t.crate) ?? 0) + t.seconds);
    return totals;
}

// The build is what a change to the code makes slower; the test run is recorded, not compared:
// tests' own duration depends on what they test, not on how the code compiles.
const MEASURED_PHASES = ['check', 'test-build', 'build'];
function measure(phases, crateTimes, key, metric) {
    const measured = phases.filter(p => MEASURED_PHASES.includes(p.name));
    let unmeasurable = null;
    const broken = measured.find(p => p.failure || p.exitCode !== 0);
    if (measured.length === 0 || !checkingPhase(measured))
        unmeasurable = 'cargo check did not run';
    else if (broken)
        unmeasurable = `${broken.name} did not finish cleanly (${broken.failure ?? `exit code ${broken.exitCode}`}), so its time says nothing`;
    else if (metric === 'cpu' && measured.some(p => p.cpuSeconds === null))
        unmeasurable = 'CPU time is not available on this OS; set timing-metric: wall';
    const seconds = unmeasurable
        ? null
        : round(measured.reduce((n, p) => n + (metric === 'cpu' ? p.cpuSeconds : p.wallSeconds), 0));
    const crates = {};
    for (const [name, s] of totalsByCrate(crateTimes))
        crates[name] = round(s);
    return {
        metric,
        key,
        cacheState: cacheState(phases),
        seconds,
        unmeasurable,
        phases: phases
            .filter(p => p.name !== 'metadata')
            .map(p => ({ name: p.name, wallSeconds: p.wallSeconds, cpuSeconds: p.cpuSeconds, units: p.units })),
        crates
    };
}

/**
 * `stable` is the verdict without the timing rule: a regression that reached the default branch must be
 * recorded, or the baseline could never follow an accepted slowdown and every later run would fail.
 */
function shouldUpdateBaseline(config, stable, ctx) {
    if (ctx.pullRequest || ctx.eventName.startsWith('pull_request'))
        return {
            update: false,
            reason: 'pull request runs never write the baseline, whatever update-baseline says'
        };
    if (config.updateBaseline === 'never')
        return { update: false, reason: 'update-baseline is never' };
    if (config.updateBaseline === 'always')
        return { update: true, reason: 'update-baseline is always' };
    if (!stable)
        return { update: false, reason: 'the build is not stable (update-baseline: auto)' };
    // Outside GitHub Actions a file baseline is the user's own history: their stable runs are its samples.
    if (config.baselineStore === 'file' && ctx.eventName === '')
        return { update: true, reason: 'stable local run, its own file baseline (update-baseline: auto)' };
    if (!ctx.trusted)
        return { update: false, reason: `the run is not trusted: ${ctx.trustReason} (update-baseline: auto)` };
    return { update: true, reason: `stable and trusted: ${ctx.trustReason}` };
}

async function evaluateTiming(input) {
    const { config } = input;
    const key = comparisonKey({
        ...input.toolchain,
        checkArgs: config.checkArgs,
        testArgs: config.testArgs,
        runTests: config.runTests,
        metric: config.timingMetric,
        compileOnce: input.phases.some(p => p.name === 'build')
    });
    const m = measure(input.phases, input.crateTimes.times, key, config.timingMetric);
    const baseline = await input.store.read();
    const opts = {
        tolerancePercent: config.tolerancePercent,
        minSamples: config.baselineMinSamples,
        confirm: config.confirmRegression
    };
    const result = await confirmRegression(decide(m, baseline, opts), baseline, opts, input.rebuild);
    const policy = shouldUpdateBaseline(config, input.stable, input.ctx);
    let update = { updated: false, note: `Baseline not updated: ${policy.reason}.` };
    if (policy.update && m.seconds === null)
        update = { updated: false, note: `Baseline not updated: ${m.unmeasurable}.` };
    else if (policy.update) {
        const sample = {
            seconds: m.seconds,
            at: (input.now ?? new Date()).toISOString(),
            sha: input.ctx.sha,
            crates: m.crates
        };
        await input.store.update(current => addSample(current, m.key, m.cacheState, sample, config.baselineHistory));
        update = { updated: true, note: `Sample added to ${input.store.location} (${policy.reason}).` };
    }
    return timingSection(m, result, baseline, update, input.crateTimes);
}

// The timing step: measure → compare with the baseline → (confirm) → record. The rebuild it may ask
// for runs the build's cargo phases again.
async function timingStep(i) {
    const toolchain = {
        rustc: i.toolchain.release,
        host: i.toolchain.host,
        runnerOs: process.env.RUNNER_OS ?? process.platform
    };
    const key = comparisonKey({
        ...toolchain,
        checkArgs: i.config.checkArgs,
        testArgs: i.config.testArgs,
        runTests: i.config.runTests,
        metric: i.config.timingMetric,
        compileOnce: i.phases.some(p => p.name === 'build')
    });
    const evaluate = (store) => evaluateTiming({
        config: i.config,
        phases: i.phases,
        crateTimes: i.timings.latest(i.members),
        toolchain,
        store,
        ctx: i.ctx,
        stable: i.stable,
        rebuild: async () => measure(await i.rebuild(), i.timings.latest(i.members).times, key, i.config.timingMetric)
    });
    try {
        return { section: await evaluate(i.store), problem: null };
    }
    catch (e) {
        // GitHub unreachable: measured, not compared (a warning), nothing recorded; never a red build.
        if (e instanceof DocumentUnreachable) {
            const measured = await evaluate(unavailable(i.store.location));
            const why = `Build time not compared: ${e.message}`;
            return {
                section: {
                    ...measured,
                    regression: 'not-comparable',
                    explanation: why,
                    baselineUpdated: false,
                    baselineNote: 'Baseline not updated: it could not be read.'
                },
                problem: null
            };
        }
        // A baseline that exists but cannot be read is never overwritten and never ignored silently.
        if (isGateError(e, 'baseline'))
            return { section: null, problem: e.message };
        throw e;
    }
}
/** A store standing in for one that could not be read: no history, and nothing is written to it. */
function unavailable(location) {
    return { location, read: async () => null, update: async (change) => change(null) };
}
/**
 * The confirmation rebuild: `cargo clean -p <every member>`, then the build's phases again as they ran
 * (check and test build, or compile-once's one build), dependencies left fresh, so it measures the same
 * work as the build it confirms. Measured only: not recorded, its diagnostics not read again.
 */
async function rebuildWorkspaceCrates(o) {
    const toolchain = o.toolchain ? [`+${o.toolchain}`] : [];
    await o.run('cargo', [...toolchain, 'clean', ...o.members.flatMap(n => ['-p', n])], {
        cwd: o.cwd,
        env: CARGO_OUTPUT_ENV
    });
    o.newRound();
    const out = [];
    for (const p of o.phases.filter(x => x.name === 'check' || x.name === 'test-build' || x.name === 'build')) {
        const [program, ...args] = p.command;
        out.push((await o.cargo.phase(p.name, { program, args }, { record: false })).result);
    }
    return out;
}

const MARKER = /\bUNIT_DATA\s*=\s*\[/;
function parseCargoTimings(html) {
    const m = MARKER.exec(html);
    if (!m)
        return fail('no UNIT_DATA found in the cargo timing report');
    const open = m.index + m[0].length - 1;
    const close = matchingBracket(html, open);
    if (close === -1)
        return fail('the UNIT_DATA array in the cargo timing report is cut short');
    let data;
    try {
        data = JSON.parse(html.slice(open, close + 1));
    }
    catch (e) {
        return fail(`the UNIT_DATA array in the cargo timing report is not JSON (${e.message})`);
    }
    if (!Array.isArray(data))
        return fail('UNIT_DATA in the cargo timing report is not an array');
    const units = [];
    for (const [i, raw] of data.entries()) {
        const u = raw;
        const { name, version, target, start, duration } = u ?? {};
        if (typeof name !== 'string' || typeof version !== 'string' || typeof duration !== 'number')
            return fail(`UNIT_DATA entry ${i} of the cargo timing report has no name, version and duration (keys: ${Object.keys(u ?? {}).join(', ') || 'none'})`);
        units.push({
            name,
            version,
            target: typeof target === 'string' ? target : '',
            start: typeof start === 'number' ? start : 0,
            duration
        });
    }
    return { units, problem: null };
}
/** The units of workspace members (same name and version), as crate times. */
function workspaceCrateTimes(units, members) {
    const ours = new Set(members.map(p => `${p.name}@${p.version}`));
    return units
        .filter(u => ours.has(`${u.name}@${u.version}`))
        .map(u => ({ crate: u.name, kind: u.target.trim() || 'lib', seconds: u.duration }));
}
/** Where cargo says it wrote the report: `Timing report saved to <path>` on stderr. */
function savedReportPath(stderrLine) {
    const m = /^\s*Timing report saved to (.+?)\s*$/.exec(stderrLine);
    return m ? m[1] : null;
}
function fail(problem) {
    return { units: null, problem };
}
/** Index of the `]` closing the `[` at `open`, skipping brackets inside JSON strings; -1 if none. */
function matchingBracket(text, open) {
    let depth = 0;
    let inString = false;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
        }
        else if (c === '"')
            inString = true;
        else if (c === '[' || c === '{')
            depth++;
        else if (c === ']' || c === '}') {
            depth--;
            if (depth === 0)
                return i;
        }
    }
    return -1;
}

const STARTED = /^\s*(?:Compiling|Checking) (\S+) v\S+/;
const FAILED = /^error: could not compile `([^`]+)`/;
class FailedSpans {
    started = new Map();
    failed = new Map();
    /** One line of the phase's stderr, as it arrived, at `now` seconds. */
    read(line, now) {
        const start = STARTED.exec(line);
        if (start && !this.started.has(start[1]))
            this.started.set(start[1], now);
        const fail = FAILED.exec(line);
        // The crate's last failing unit (lib, then its test build…) ends its span.
        if (fail)
            this.failed.set(fail[1], now);
    }
    /** The phase's crate times, with each failed crate's units replaced by its span (which covers them). */
    over(times) {
        const spans = new Map();
        for (const [crate, end] of this.failed) {
            const start = this.started.get(crate);
            // Only crates the report knows (workspace members), and only when cargo said when it started.
            if (start !== undefined && times.some(t => t.crate === crate))
                spans.set(crate, Math.round((end - start) * 100) / 100);
        }
        return [
            ...times.filter(t => !spans.has(t.crate)),
            ...[...spans].map(([crate, seconds]) => ({ crate, kind: 'failed', seconds }))
        ];
    }
}

// The cargo phases' --timings reports: asks cargo for them, notes where cargo says it wrote each one
// (stderr), and reads the workspace crates' unit times out of the latest round of phases.
/**
 * cargo cannot render the --timings report of a build with no units to build ("no timing data found
 * in log", e.g. `cargo test -p x` where x has no test targets) and fails the whole command. Such a phase
 * built nothing, so there is nothing to time: it is run again without --timings.
 */
function refusedEmptyReport(r) {
    const u = r.units;
    const units = u.workspace.compiled + u.workspace.fresh + u.dependencies.compiled + u.dependencies.fresh;
    return r.exitCode !== 0 && units === 0 && r.cargoErrors.some(e => e.includes('no timing data found'));
}
/** `--timings` right after cargo's subcommand, so it stays before any `--` of the user's args. */
function withTimings(cmd) {
    const sub = cmd.args.findIndex(a => !a.startsWith('+'));
    if (sub === -1 || cmd.args.includes('--timings'))
        return cmd;
    return { ...cmd, args: [...cmd.args.slice(0, sub + 1), '--timings', ...cmd.args.slice(sub + 1)] };
}
class TimingReports {
    enabled;
    now;
    rounds = [[]];
    constructor(enabled, now = () => performance.now() / 1000) {
        this.enabled = enabled;
        this.now = now;
    }
    command(cmd) {
        return this.enabled ? withTimings(cmd) : cmd;
    }
    /** A stderr listener for one phase of the current round; passes every line on to `next`. */
    listen(phase, next) {
        const entry = { phase, path: null, spans: new FailedSpans() };
        if (this.enabled)
            this.rounds.at(-1).push(entry);
        return line => {
            if (this.enabled) {
                entry.path = savedReportPath(line) ?? entry.path;
                entry.spans.read(line, this.now());
            }
            next?.(line);
        };
    }
    /** A phase of this round that ran again without --timings (see refusedEmptyReport). */
    untimed(phase) {
        const round = this.rounds.at(-1);
        this.rounds[this.rounds.length - 1] = round.filter(e => e.phase !== phase);
    }
    /** The confirmation rebuild starts a new round, measured on its own. */
    newRound() {
        this.rounds.push([]);
    }
    latest(members) {
        const out = { times: [], files: [], problems: [] };
        for (const { phase, path, spans } of this.rounds.at(-1)) {
            if (!path) {
                out.problems.push(`cargo did not say where it wrote the --timings report of ${phase}`);
                continue;
            }
            let html;
            try {
                html = readFileSync(path, 'utf8');
            }
            catch (e) {
                out.problems.push(`could not read ${path} (${e.message})`);
                continue;
            }
            const parsed = parseCargoTimings(html);
            if (parsed.problem !== null) {
                out.problems.push(`${phase}: ${parsed.problem} (${path})`);
                continue;
            }
            out.files.push({ phase, path });
            out.times.push(...spans.over(workspaceCrateTimes(parsed.units, members)));
        }
        return out;
    }
}

// timing: build seconds compared with a stored baseline, with a confirming rebuild (docs/timing.md).
const out = (name, description) => ({
    name,
    description,
    value: (r) => (r.timing ? timingOutputs(r.timing)[name] : null)
});
/** The build's phases are timed (`--timings`); the test run compiles nothing. */
const timed = (phase) => phase === 'check' || phase === 'test-build' || phase === 'build';
async function run(ports, config, { reports }) {
    // With compile-once, the one build did the check's work.
    const check = checkingPhase(ports.phases);
    if (!ports.documents || !ports.cargo || ports.report.shard || !check || check.failure)
        return { section: {}, findings: [] };
    const opened = await ports.documents(config.baselinePath, baselineCodec, config.baselinePathGiven);
    if (!opened.store) {
        ports.log(`Build time is measured but not compared: baseline-store "branch" ${opened.why}.`);
        return { section: {}, findings: [] };
    }
    const members = (ports.metadata ? workspaceMembers(ports.metadata) : []).map(p => ({
        name: p.name,
        version: p.version
    }));
    const { section, problem } = await timingStep({
        config,
        phases: ports.phases,
        toolchain: ports.toolchain,
        store: opened.store,
        ctx: ports.ctx,
        stable: ports.verdict.stable,
        timings: reports,
        members,
        rebuild: () => rebuildWorkspaceCrates({
            cargo: ports.cargo,
            run: ports.run,
            cwd: ports.cwd,
            toolchain: config.toolchain,
            members: members.map(m => m.name),
            phases: ports.phases,
            newRound: () => reports.newRound()
        })
    });
    if (!section)
        return { section: {}, findings: problem ? [baselineProblem(problem)] : [] };
    const crates = Object.fromEntries(section.crates.map(c => [c.name, { buildSeconds: c.seconds }]));
    return { section: { timing: section }, crates, findings: timingFindings(section, config) };
}
const timing = {
    name: 'timing',
    stage: 'judged',
    inputs: [
        {
            name: 'timing-metric',
            default: 'cpu',
            description: 'Build time compared with the baseline: `cpu` (user+system of cargo and its children) or `wall`.'
        },
        {
            name: 'tolerance-percent',
            default: '10',
            description: 'How much slower than the baseline a build may be before it is a regression.'
        },
        {
            name: 'baseline-path',
            default: 'build-gate/baseline.json',
            description: "Path of the baseline file in the baseline branch; for `file`, relative to working-directory when given, else in the user's state directory (`~/.local/state/build-gate/…`, outside the workspace and the target directory)."
        },
        { name: 'baseline-history', default: '20', description: 'Samples kept per comparison key.' },
        {
            name: 'baseline-min-samples',
            default: '5',
            description: 'Below this many samples a slowdown is a warning only.'
        },
        {
            name: 'update-baseline',
            default: 'auto',
            description: '`auto` (only stable, trusted runs), `always` or `never`.'
        },
        {
            name: 'confirm-regression',
            default: 'true',
            description: 'When a regression is suspected, rebuild the workspace crates once more and decide on both measurements.'
        },
        {
            name: 'fail-on-regression',
            default: 'true',
            description: 'A confirmed build-time regression makes the build unstable; `false` makes timing advisory.'
        },
        {
            name: 'crate-timings',
            default: 'true',
            description: "Time each workspace crate's compilation from cargo's own `--timings` report, so the summary says which crate got slower; the report's HTML is kept beside the JSON report. `false` leaves `--timings` off."
        }
    ],
    parse: p => ({
        timingMetric: p.oneOf('timing-metric', ['cpu', 'wall']),
        tolerancePercent: p.number('tolerance-percent', 0, false),
        baselinePath: p.raw('baseline-path'),
        baselinePathGiven: p.given('baseline-path'),
        baselineHistory: p.number('baseline-history', 1, true),
        baselineMinSamples: p.number('baseline-min-samples', 1, true),
        updateBaseline: p.oneOf('update-baseline', ['auto', 'always', 'never']),
        confirmRegression: p.bool('confirm-regression'),
        failOnRegression: p.bool('fail-on-regression'),
        crateTimings: p.bool('crate-timings')
    }),
    codes: TIMING_CODES,
    outputs: [
        out('build-seconds', 'Build time measured (check + test build), in the `timing-metric`.'),
        out('baseline-seconds', 'The baseline it was compared with (median of the comparable history).'),
        out('build-delta-percent', 'Difference from the baseline, in percent.'),
        out('build-regression', '`true`, `false`, `not-comparable` or `no-baseline`.')
    ],
    needs: ['ctx', 'documents', 'verdict'],
    // Per-crate times from cargo's own --timings report of each build phase.
    start: config => {
        const reports = new TimingReports(config.crateTimings);
        const on = (phase) => timed(phase) && reports.enabled;
        return {
            reports,
            hook: {
                command: (phase, command) => (timed(phase) ? reports.command(command) : command),
                listen: phase => (on(phase) ? { stderr: reports.listen(phase) } : {}),
                // cargo cannot render the report of a build with nothing to build: it runs again untimed.
                refused: (phase, result) => {
                    if (!on(phase) || !refusedEmptyReport(result))
                        return false;
                    reports.untimed(phase);
                    return true;
                }
            }
        };
    },
    crateDefaults: { buildSeconds: null },
    run,
    // The baseline problem has no section to be read from: it travels as the finding it was.
    findings: (report, config) => [
        ...timingFindings(report.timing, config),
        ...(report.findings ?? []).filter(f => f.code === 'baseline-error')
    ],
    beside: (report, reportFile) => keepTimingReports(report, reportFile),
    table: { seconds: c => c.buildSeconds, secondsHeader: 'build (s)' },
    markdown: (r, ctx) => {
        const hint = ctx.config?.baselineStore === 'branch'
            ? baselineHint(r, { ...ctx.run, baselineBranch: ctx.config.baselineBranch })
            : null;
        const shard = shardNote(r);
        const parts = [r.timing ? timingMarkdown(r.timing) : null, shard?.replace(/^([^:]+):/, '**$1:**'), hint];
        const shown = parts.filter((s) => !!s);
        return shown.length ? shown.join('\n\n') : null;
    },
    terminal: r => (r.timing ? timingText(r.timing).split('\n') : (shardNote(r)?.split('\n') ?? []))
};

// Finding codes: a closed list, each with a one-line meaning. Scripts match on them (the verdict's
// reasons carry them, the `reasons` output and the JSON report list them): add freely, never rename
// or remove one. The core's own codes are here; each capability declares its own in its folder and
// adds them to FindingCodes, so FindingCode is the union of every code of the registered capabilities.
// The table of all of them with their meaning is assembled in the pipeline (FINDING_CODES).
const CORE_CODES = {
    'shard-unreadable': 'a shard report could not be read',
    'shard-mismatch': 'shard reports disagree on the number of shards',
    'shard-duplicate': 'a shard reported twice',
    'shard-missing': 'a shard did not report',
    'input-error': 'an input is invalid; the build was not judged',
    'gate-error': 'the gate could not run; the build was not judged'
};

const REGISTERED = [
    build,
    ratchet,
    tests,
    conflicts,
    publicApi,
    fixes,
    lintFixes,
    fixPr,
    timing,
    tracker,
    roadmap,
    checklist,
    flakyIssues,
    reviewSuggestions,
    prComment
];
const CAPABILITIES = REGISTERED;
/** Every finding code with its one-line meaning: the core's and the capabilities'. */
function findingCodes(capabilities = CAPABILITIES) {
    return Object.assign({}, CORE_CODES, ...capabilities.map(c => c.codes));
}
findingCodes();

// Inputs (action inputs or CLI flags, same names) → one validated GateConfig: the core's slice and
// each capability's, read with the shared parsers. Together their rows are the single table of inputs:
// action.yml must declare exactly these (a test checks it), and the CLI accepts each as --name VALUE.
const INPUTS = [...CORE_INPUTS, ...CAPABILITIES.flatMap(c => c.inputs)];
function defaultFor(name, surface) {
    const spec = INPUTS.find(i => i.name === name);
    if (!spec)
        throw new Error(`unknown input ${name}`);
    return surface === 'cli' && spec.cli !== undefined ? spec.cli : spec.default;
}
function parseConfig(read, surface, cwd = process.cwd()) {
    const p = inputParsers(read, name => defaultFor(name, surface));
    const core = parseCoreConfig(p, surface, cwd);
    return Object.assign(core, ...CAPABILITIES.map(c => c.parse?.(p) ?? {}));
}

// Kept in step with package.json's version by a test.
const TOOL = { name: 'build-gate', version: '1.0.0' };

/**
 * The report with its findings and verdict: every capability's findings in registry order (as its run
 * returned them, else read from the report now), then the guards' findings over all of them.
 */
function judge(body, config, capabilities = CAPABILITIES, found = new Map()) {
    const own = capabilities.flatMap(c => found.get(c.name) ?? c.findings?.(body, config) ?? []);
    const findings = guarded(body, own, capabilities);
    return { ...body, findings, verdict: foldVerdict(findings) };
}
/** Every capability's findings read from the report's sections under `config` (schema 1, re-judging). */
function deriveFindings(report, config, capabilities = CAPABILITIES) {
    return guarded(report, capabilities.flatMap(c => c.findings?.(report, config) ?? []), capabilities);
}
function guarded(body, found, capabilities) {
    return [...found, ...capabilities.flatMap(c => c.guard?.(body, found) ?? [])];
}

const SCHEMA_VERSION = 2;
/** Versions the shard merge can read (1: findings are derived from the sections). */
const READABLE_SCHEMA_VERSIONS = [1, 2];

/** A report with nothing read yet: the start of every run's report. */
function blankReport(workspace, phases, capabilities = CAPABILITIES) {
    const body = {
        schemaVersion: SCHEMA_VERSION,
        tool: TOOL,
        generatedAt: new Date().toISOString(),
        workspace,
        crates: [],
        diagnostics: {
            errors: 0,
            warnings: 0,
            items: [],
            omitted: 0,
            dependencyWarnings: 0,
            dependencyErrors: []
        },
        phases,
        findings: []
    };
    return Object.assign(body, ...capabilities.map(c => c.blank?.() ?? {}));
}
/** The rows of the members a run gates, each with every capability's fields at their defaults. */
function crateRows(members, capabilities = CAPABILITIES) {
    const defaults = Object.assign({}, ...capabilities.map(c => c.crateDefaults ?? {}));
    return members.map(m => ({
        name: m.name,
        version: m.version,
        manifestPath: m.manifestPath,
        ...defaults
    }));
}
/** The report a run starts from: the workspace, its shard, and a row per member it gates. */
function startReport(ws, capabilities, now) {
    const body = blankReport(ws.info, ws.phases, capabilities);
    body.generatedAt = now().toISOString();
    if (ws.shard)
        body.shard = ws.shard;
    const gated = new Set(ws.shard?.members ?? ws.members.map(p => p.name));
    const rows = ws.members.filter(p => gated.has(p.name)).map(p => ({ ...p, manifestPath: p.manifest_path }));
    body.crates = crateRows(rows, capabilities);
    return body;
}
function failureReport(root, message, code = 'gate-error') {
    const findings = [{ code, severity: 'block', message, source: 'gate' }];
    return {
        ...blankReport({ root, members: [], msrv: null, toolchain: null, requestedToolchain: null }, []),
        findings,
        verdict: foldVerdict(findings)
    };
}

export { memberManifestPaths as A, workspaceInfo as B, CAPABILITIES as C, DiagnosticTally as D, declaredMsrv as E, rustcVersionCommand as F, metadataCommand as G, parseMetadata as H, INPUTS as I, cargoWords$1 as J, startReport as K, judge as L, documentOpener as M, seconds as N, blankReport as O, foldVerdict as P, deriveFindings as Q, READABLE_SCHEMA_VERSIONS as R, unionSets as S, TIMEOUT_SECONDS as T, byCodeUnit as U, fixFindings as a, runProcess as b, conflictsWeighing as c, cargoFix as d, fixedLints as e, filesOf as f, count$1 as g, fixedLines as h, defaultFor as i, TOOL as j, parseConfig as k, failureReport as l, measure$1 as m, readRunContext as n, htmlList as o, plainText as p, htmlTable as q, runFixes as r, blobLinks as s, table as t, localDocument as u, CARGO_OUTPUT_ENV as v, workspaceMembers as w, runPhase as x, buildGraph as y, readManifests as z };
