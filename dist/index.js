import * as os from 'os';
import os__default, { EOL } from 'os';
import * as crypto from 'crypto';
import * as fs from 'fs';
import { promises, constants } from 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import { randomUUID } from 'node:crypto';
import { i as isGateError, e as errorMessage } from './chunks/validate.js';
import { d as displayPath, v as verdictLine, c as crateTable, e as phaseRows, P as PHASE_HEADER, m as markdownSections, p as produceReport, r as reportPathFor, a as reportPlaceNotes, s as syncStage, b as connect, f as sectionAnnotations, g as logLines, w as writeReport } from './chunks/write.js';
import { C as CAPABILITIES, o as htmlList, q as htmlTable, k as parseConfig, n as readRunContext, l as failureReport, s as blobLinks } from './chunks/report.js';
import * as path from 'node:path';
import 'node:fs';
import 'node:os';
import './chunks/no-retry.js';
import 'node:child_process';
import 'node:string_decoder';
import 'node:util';

// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}

// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { access, appendFile, writeFile } = promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, constants.R_OK | constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
const summary = _summary;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
// export const {open} = 'fs'
process.platform === 'win32';
fs.constants.O_RDONLY;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/* eslint-disable @typescript-eslint/unbound-method */
process.platform === 'win32';

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
os__default.platform();
os__default.arch();

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return val.trim();
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}

// GitHub refuses a job summary over 1 MiB (and a comment over 65 536 characters). A summary that
// would be larger is cut at a line, with every open code fence and <details> block closed, the
// verdict (at the top) kept, and a note saying where the rest is.
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** `limit` counts UTF-8 bytes; pass `chars` for limits counted in characters (comments). */
function fitToLimit(text, limit, note, measure = s => Buffer.byteLength(s, 'utf8')) {
    const total = measure(text);
    if (total <= limit)
        return text;
    // Room for the note and the closing tags, whatever the numbers printed in it.
    const budget = limit - measure(note(total, total)) - 4096;
    const kept = [];
    let size = 0;
    let fence = null;
    let details = 0;
    for (const line of text.split('\n')) {
        const next = measure(line) + 1;
        if (size + next > budget) {
            // One huge HTML table (thousands of crates) keeps the rows that fit.
            const rows = cutTable(line, budget - size - 1, measure);
            if (rows) {
                kept.push(rows);
                size += measure(rows) + 1;
            }
            break;
        }
        kept.push(line);
        size += next;
        const f = /^\s*(`{3,}|~{3,})/.exec(line);
        if (f && fence === null)
            fence = f[1];
        else if (fence !== null && line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '')
            fence = null;
        else if (fence === null) {
            details += (line.match(/<details[\s>]/g) ?? []).length;
            details -= (line.match(/<\/details>/g) ?? []).length;
        }
    }
    const closing = [...(fence ? [fence] : []), ...new Array(Math.max(0, details)).fill('</details>')];
    return [...kept, ...closing, '', note(size, total), ''].join('\n');
}
/** The table's opening and the whole rows that fit in `room`, closed again; null when none fits. */
function cutTable(line, room, measure) {
    const close = '</table>';
    const first = line.indexOf('</tr>');
    if (!line.startsWith('<table>') || first === -1)
        return null;
    let end = -1;
    let size = measure(close);
    for (let at = first; at !== -1; at = line.indexOf('</tr>', at + 5)) {
        size += measure(line.slice(end === -1 ? 0 : end, at + 5));
        if (size > room)
            break;
        end = at + 5;
    }
    return end === -1 ? null : `${line.slice(0, end)}${close}`;
}
function summaryTruncationNote(reportName) {
    return (shown, total) => `> [!WARNING]\n> This summary was cut at GitHub's 1 MiB limit: ${kib(shown)} of ${kib(total)} shown. ` +
        `Everything is in the JSON report (\`${reportName}\`).`;
}
function kib(bytes) {
    return `${Math.round(bytes / 1024)} KiB`;
}

const CORE_OUTPUTS = [
    {
        name: 'stable',
        description: '`true` when the build is stable, else `false`.',
        value: r => String(r.verdict.stable)
    },
    {
        name: 'report-path',
        description: "Absolute path of the JSON report (with the report-path input unset, `$RUNNER_TEMP/build-gate/build-gate-report.json`; cargo's `--timings` HTML reports are copied beside it).",
        value: (_, ctx) => ctx.reportPath
    },
    {
        name: 'reasons',
        description: 'JSON array of the reasons the build is unstable, in plain words.',
        value: r => JSON.stringify(r.verdict.reasons.map(x => x.message))
    }
];
function outputTable(capabilities = CAPABILITIES) {
    return [...CORE_OUTPUTS, ...capabilities.flatMap(c => c.outputs)];
}
function reportOutputs(report, reportPath, config = null, capabilities = CAPABILITIES) {
    const ctx = { reportPath, config };
    const out = {};
    for (const o of outputTable(capabilities)) {
        const v = o.value(report, ctx);
        // No output may read NaN or Infinity: a figure that is not a finite number was not measured.
        if (v !== null && v !== undefined)
            out[o.name] = /^-?(NaN|Infinity)$/.test(v) ? '' : v;
    }
    return out;
}

// The job summary's last line: where the full JSON report is.
/** The artifact name the example workflows upload the report under. */
const REPORT_ARTIFACT = 'build-gate-report';
/** `moved`: report-path was not given, so the report is not where earlier versions wrote it. */
function reportPointer(reportName, runUrl, moved = false) {
    const artifact = runUrl ? `[the run's artifacts](${runUrl}#artifacts)` : "the run's artifacts";
    const was = moved
        ? ` It is no longer written to \`build-gate-report.json\` in the workspace (cargo rebuilt packages whose build script has no \`rerun-if-changed\` for it): upload \`\${{ runner.temp }}/build-gate/\` or the step's \`report-path\` output.`
        : '';
    return `<sub>Full report: \`${reportName}\` (every diagnostic, test and conflict; the step's \`report-path\` output). The example workflows upload it as the \`${REPORT_ARTIFACT}\` artifact: see ${artifact}.${was}</sub>`;
}
/** The report's path as the repository names it, else as `$RUNNER_TEMP/…`, else its file name. */
function reportName(reportPath, repoRoot, env = process.env) {
    const shown = displayPath(reportPath, repoRoot, env);
    return path.isAbsolute(shown) ? path.basename(reportPath) : shown;
}

function renderSummary(report, sections = markdownSections(), capabilities = CAPABILITIES) {
    const out = [];
    out.push(`<h2>${report.verdict.stable ? '✅' : '❌'} ${verdictLine(report)}</h2>`);
    if (report.verdict.reasons.length)
        out.push(htmlList(report.verdict.reasons.map(r => r.message)));
    if (report.verdict.warnings.length)
        // Not "Warnings": the crate table right below has a warnings column of its own.
        out.push('<p><strong>Not blocking</strong></p>', htmlList(report.verdict.warnings.map(r => r.message)));
    if (report.crates.length) {
        const t = crateTable(report, capabilities);
        out.push(htmlTable(t.header, [...t.rows, t.total]));
    }
    for (const render of sections) {
        const md = render(report);
        if (md)
            out.push(`\n${md}\n`);
    }
    out.push(`<details><summary>Phases</summary>${htmlTable(PHASE_HEADER, phaseRows(report))}</details>`);
    return `${out.join('\n')}\n`;
}

// The action: inputs → gate → publish (report file, annotations, outputs, job summary, exit status)
// → sync (roadmap, PR comment). The verdict is published before any GitHub write starts.
async function run() {
    let config = null;
    let report;
    let judged = false;
    let metadata = null;
    try {
        config = parseConfig(name => getInput(name), 'action');
        if (config.token)
            setSecret(config.token);
        const { payloadProblem } = readRunContext();
        if (payloadProblem)
            warning(`The event payload could not be read: ${payloadProblem}; the run is treated as untrusted: the build is judged, nothing is written to GitHub.`);
        const gated = await produceReport(config, { progress: groupPhases, log: line => info(line) });
        report = gated.report;
        metadata = gated.metadata;
        judged = true;
    }
    catch (e) {
        report = failureReport(config?.workingDirectory ?? process.cwd(), errorMessage(e), isGateError(e, 'input') ? 'input-error' : 'gate-error');
    }
    if (openGroup)
        endGroup();
    openGroup = false;
    const reportPath = reportPathFor('action', config, metadata?.target_directory ?? null);
    const notes = reportPlaceNotes(reportPath, config, metadata, '${{ runner.temp }}/build-gate/');
    for (const w of notes.warnings)
        warning(w);
    for (const line of notes.log)
        info(line);
    await publish(report, config, reportPath);
    if (!report.verdict.stable && (config?.failOnUnstable ?? true))
        setFailed(`Build gate: ${report.verdict.reasons.map(r => r.message).join('; ')}`);
    // Only a build that was judged moves the roadmap: a run that could not run cargo says nothing about it.
    if (!judged || !config)
        return;
    let grouped = false;
    const log = (line) => {
        if (!grouped)
            startGroup('Sync (roadmap, pull request comment)');
        grouped = true;
        info(line);
    };
    const synced = await syncStage(report, config, {
        ctx: readRunContext(),
        github: config.token ? await connect(config.token, { log }) : null,
        log,
        // The PR comment: the job summary once more, inside GitHub's limit on a comment (in characters).
        renderSummary: r => fitToLimit(renderSummary(r, summarySections(config, reportPath)), COMMENT_LIMIT_CHARS, truncated(config, reportPath), s => s.length)
    });
    if (grouped)
        endGroup();
    if (synced.wrote.length)
        await publishSynced(synced.report, synced.wrote, config, reportPath);
    for (const w of synced.warnings)
        warning(w);
    if (synced.problems.length)
        setFailed(synced.problems.join('\n'));
}
/** The verdict: report file, annotations, outputs and job summary. */
async function publish(report, config, reportPath) {
    writeReportFile(report, reportPath);
    const repoRoot = process.env.GITHUB_WORKSPACE ?? config?.workingDirectory ?? process.cwd();
    for (const a of sectionAnnotations(report, repoRoot)) {
        const { level, message, ...props } = a;
        if (level === 'error')
            error(message, props);
        else
            warning(message, props);
    }
    // rustc's own words in the log, one group per crate.
    for (const line of logLines(report, randomUUID()))
        info(line);
    for (const [name, value] of Object.entries(reportOutputs(report, reportPath, config)))
        setOutput(name, value);
    const summary = renderSummary(report, summarySections(config, reportPath));
    await writeSummary(fitToLimit(summary, SUMMARY_LIMIT_BYTES - SYNC_RESERVE_BYTES, truncated(config, reportPath)));
}
/** What the sync stage added: the report file again, the sync capabilities' outputs and sections. */
async function publishSynced(report, wrote, config, reportPath) {
    writeReportFile(report, reportPath);
    for (const [name, value] of Object.entries(reportOutputs(report, reportPath, config, wrote)))
        if (wrote.some(c => c.outputs.some(o => o.name === name)))
            setOutput(name, value);
    const sections = markdownSections(wrote)
        .map(render => render(report))
        .filter((md) => !!md);
    if (sections.length) {
        const room = Math.max(0, SUMMARY_LIMIT_BYTES - summaryBytes);
        await writeSummary(fitToLimit(`\n${sections.join('\n\n')}\n`, room, truncated(config, reportPath)));
    }
}
function writeReportFile(report, reportPath) {
    try {
        writeReport(report, reportPath);
    }
    catch (e) {
        warning(`Could not write the report to ${reportPath}: ${errorMessage(e)}`);
    }
}
// GitHub refuses a job summary over 1 MiB: the verdict's part leaves this much for the sync's sections.
const SYNC_RESERVE_BYTES = 128 * 1024;
// GitHub's limit on a comment body, in characters.
const COMMENT_LIMIT_CHARS = 65536;
let summaryBytes = 0;
function truncated(config, reportPath) {
    const repoRoot = process.env.GITHUB_WORKSPACE ?? config?.workingDirectory ?? process.cwd();
    return summaryTruncationNote(reportName(reportPath, repoRoot));
}
/** The job summary's sections: every capability's, then where the full report is. */
function summarySections(config, reportPath) {
    let ctx = null;
    try {
        ctx = readRunContext();
    }
    catch {
        // An unreadable event payload is reported where it matters; the summary does without it.
    }
    const run = ctx ?? { eventName: '', defaultBranch: null, runUrl: null };
    const links = blobLinks(process.env, config?.workingDirectory ?? process.cwd());
    return [
        ...markdownSections(undefined, { links, config, run }),
        () => reportPointer(reportName(reportPath, links.repoRoot), run.runUrl, !!config && !config.reportPath)
    ];
}
async function writeSummary(text) {
    summaryBytes += Buffer.byteLength(text, 'utf8') + 1;
    try {
        await summary.addRaw(text, true).write();
    }
    catch (e) {
        warning(`Could not write the job summary: ${errorMessage(e)}`);
    }
}
let openGroup = false;
function groupPhases(e) {
    if (e.state === 'start') {
        if (openGroup)
            endGroup();
        startGroup(e.phase === 'toolchain' ? 'rustc -vV' : `cargo ${e.phase}`);
        openGroup = true;
    }
    else if (openGroup) {
        endGroup();
        openGroup = false;
    }
}

await run();
