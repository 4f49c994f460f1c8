import * as os from 'os';
import os__default, { EOL } from 'os';
import * as crypto from 'crypto';
import * as fs from 'fs';
import { promises, constants } from 'fs';
import 'path';
import 'http';
import 'https';
import { e as requireTunnel, g as CAPABILITIES, v as verdictLine, h as crateRows, i as totalRow, j as phaseRows, P as PHASE_HEADER, k as CRATE_HEADER, F as FileStore, B as BranchStore, l as formatDuration, m as status, n as errorText, o as requestFailed, q as buildObservation, p as parseConfig, a as produceReport, f as failureReport, C as ConfigError, c as createClient, r as readRunContext, s as syncWorkstreams, u as markdownSections, b as reportPathFor, w as writeReport, x as sectionAnnotations } from './chunks/sections.js';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import { createHash } from 'node:crypto';
import 'node:fs';
import 'node:path';
import './chunks/crate-times.js';
import 'node:child_process';
import 'node:readline';
import 'net';
import 'tls';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'node:fs/promises';
import 'url';
import 'module';
import 'node:os';

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

requireTunnel();

/* eslint-disable @typescript-eslint/no-explicit-any */
(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
[
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
[
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];

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

var __awaiter$1 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
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
        return __awaiter$1(this, void 0, void 0, function* () {
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
        return __awaiter$1(this, void 0, void 0, function* () {
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
        return __awaiter$1(this, void 0, void 0, function* () {
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

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
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
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return __awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}

const CORE_OUTPUTS = [
    {
        name: 'stable',
        description: '`true` when the build is stable, else `false`.',
        value: r => String(r.verdict.stable)
    },
    {
        name: 'report-path',
        description: 'Absolute path of the JSON report.',
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
outputTable();
function reportOutputs(report, reportPath, config = null, capabilities = CAPABILITIES) {
    const ctx = { reportPath, config };
    const out = {};
    for (const o of outputTable(capabilities)) {
        const v = o.value(report, ctx);
        if (v !== null && v !== undefined)
            out[o.name] = v;
    }
    return out;
}

const header = (cells) => cells.map(data => ({ data, header: true }));
function buildSummary(summary, report, sections = []) {
    summary.addHeading(`${report.verdict.stable ? '✅' : '❌'} ${verdictLine(report)}`, 2);
    if (report.verdict.reasons.length)
        summary.addList(report.verdict.reasons.map(r => escape(r.message)));
    if (report.verdict.warnings.length) {
        summary.addRaw('<p><strong>Warnings</strong></p>', true);
        summary.addList(report.verdict.warnings.map(r => escape(r.message)));
    }
    // core.summary puts cells into HTML as they are: everything cargo or a test printed is escaped.
    const rows = (r) => r.map(cells => cells.map(escape));
    if (report.crates.length)
        summary.addTable([header(CRATE_HEADER), ...rows([...crateRows(report), totalRow(report)])]);
    if (report.tests.failures.length) {
        summary.addHeading('Failing tests', 3);
        summary.addTable([
            header(['crate', 'target', 'test', 'message']),
            ...rows(report.tests.failures.slice(0, 50).map(f => [f.crate, f.target, f.name, f.message ?? '']))
        ]);
    }
    for (const render of sections) {
        const md = render(report);
        if (md)
            summary.addRaw(`\n${md}\n`, true);
    }
    if (report.diagnostics.omitted)
        summary.addRaw(`<p>${report.diagnostics.omitted} more diagnostic(s) were counted but not kept in the report (it keeps the first ${report.diagnostics.items.length}).</p>`, true);
    if (report.diagnostics.dependencyWarnings)
        summary.addRaw(`<p>${report.diagnostics.dependencyWarnings} warning(s) from dependencies were not counted.</p>`, true);
    summary.addDetails('Phases', tableHtml(PHASE_HEADER, phaseRows(report)));
    return summary;
}
function tableHtml(head, rows) {
    const tr = (cells, tag) => `<tr>${cells.map(c => `<${tag}>${escape(c)}</${tag}>`).join('')}</tr>`;
    return `<table>${tr(head, 'th')}${rows.map(r => tr(r, 'td')).join('')}</table>`;
}
function escape(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Finding codes that are dependency conflicts; a conflict's identity is its code and crate. */
const CONFLICT_CODES = [
    'duplicate-versions',
    'single-version',
    'msrv',
    'cargo-refused'
];
function runRecord(report, ctx, now) {
    return {
        at: now.toISOString(),
        sha: ctx.sha,
        runUrl: ctx.runUrl,
        stable: report.verdict.stable,
        findings: foldFindings(reportFindings(report))
    };
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
/** Conflicts that count (found, open): block or warn, not allowed by policy. */
function conflictIds(findings) {
    return [
        ...new Set(findings
            .filter(f => CONFLICT_CODES.includes(f.code) && (f.severity === 'block' || f.severity === 'warn'))
            .map(f => conflictId(f.code, f.crate)))
    ].sort();
}
const conflictId = (code, crate) => `${code}:${crate ?? ''}`;
/** "base64 (duplicate-versions)", for people. */
function describeConflict(id) {
    const at = id.indexOf(':');
    const code = id.slice(0, at);
    const crate = id.slice(at + 1);
    return crate ? `${crate} (${code})` : code;
}
/** The report's findings (every report of schema 2 carries them). */
function reportFindings(report) {
    return report.findings;
}

const HISTORY_FORMAT = 'build-gate-history';
const HISTORY_VERSION = 1;
/** Runs kept: enough for months of nightlies, small enough for the contents API (well under 1 MB). */
const HISTORY_LIMIT = 200;
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
function serializeHistory(h) {
    return `${JSON.stringify(h, null, 1)}\n`;
}
const historyCodec = {
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
    const runs = [...(history?.runs ?? []), run].slice(-limit);
    return { format: HISTORY_FORMAT, version: HISTORY_VERSION, runs };
}
function outcome(r) {
    const kept = r.findings
        .filter(f => f.severity === 'block' || CONFLICT_CODES.includes(f.code))
        .map(f => `${f.code}\0${f.crate ?? ''}\0${f.severity}\0${f.count}`)
        .sort();
    return JSON.stringify([r.sha, r.stable, kept]);
}

// The run history lives where the baseline lives: the baseline branch (contents API, sha-checked
// writes) or a local file; the same stores, with the history's codec.
function historyStore(config, tracker, ctx, client) {
    if (config.baselineStore === 'file')
        return { store: new FileStore(tracker.historyPath, config.workingDirectory, historyCodec) };
    if (!client || !ctx.owner || !ctx.repo)
        return {
            store: null,
            unreachable: 'the run history on the baseline branch needs github-token and GITHUB_REPOSITORY'
        };
    const opts = { owner: ctx.owner, repo: ctx.repo, branch: config.baselineBranch, path: tracker.historyPath };
    return { store: new BranchStore(client, opts, historyCodec) };
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
            return join(`stable again since ${where(s.current)}, after ${formatDuration(s.endedStretch.forMs)} unstable`, conflicts);
        return isCurrent(s.stableSince, s)
            ? `stable since this run (${where(s.current)})`
            : `stable for ${formatDuration(s.forMs)} since ${where(s.stableSince)}`;
    }
    const since = s.unstableSince;
    const head = isCurrent(since, s)
        ? `unstable since this run (${where(since)})`
        : `unstable for ${formatDuration(s.forMs)} since ${where(since)}`;
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
function where(p) {
    return p.sha ? p.sha.slice(0, 7) : `${p.at.slice(0, 16).replace('T', ' ')} UTC`;
}
/** "2026-11-25 08:00 UTC (commit 1a2b3c4)". */
function when(p) {
    const time = `${p.at.slice(0, 16).replace('T', ' ')} UTC`;
    return p.sha ? `${time} (commit ${p.sha.slice(0, 7)})` : time;
}
const isCurrent = (p, s) => p.at === s.current.at && p.sha === s.current.sha;
const join = (a, b) => (b ? `${a}; ${b}` : a);

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
    const findings = reportFindings(report);
    const items = [conflictsItem(findings), buildItem(report), testsItem(report)];
    const api = publicApiItem(report);
    if (api)
        items.push(api);
    items.push(timingItem(report));
    if (i.gateBlocks)
        items.push(workstreamsItem(report, i.gateBlocks, i.readyDependents));
    return items;
}
function conflictsItem(findings) {
    const conflicts = findings.filter(f => CONFLICT_CODES.includes(f.code));
    const named = (sev) => [
        ...new Set(conflicts.filter(f => f.severity === sev).map(f => describeConflict(`${f.code}:${f.crate ?? ''}`)))
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
    const check = report.phases.find(p => p.name === 'check');
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
    if (!t.ran)
        return { label, done: false, evidence: 'the tests did not run' };
    const failing = [...new Set(t.failures.map(f => f.crate))].sort();
    return {
        label,
        done: t.failed === 0,
        evidence: `${t.passed} passed, ${t.failed} failed, ${t.ignored} ignored${failing.length ? ` (failing in ${failing.join(', ')})` : ''}`
    };
}
// Only when the public API check ran: its findings (source `public-api`) or its report section say so.
function publicApiItem(report) {
    const api = report.findings.filter(f => f.source === 'public-api');
    const section = report.publicApi;
    if (!api.length && !section)
        return null;
    const label = 'No breaking public API changes';
    const breaking = api.filter(f => /breaking/.test(f.code) && (f.severity === 'block' || f.severity === 'warn'));
    const unknown = api.filter(f => /unknown/.test(f.code));
    const crates = (list) => [...new Set(list.map(f => f.crate ?? '?'))].sort().join(', ');
    if (breaking.length)
        return {
            label,
            done: false,
            evidence: `${count(breaking.length, 'breaking change')} in ${crates(breaking)}`
        };
    if (unknown.length)
        return { label, done: false, evidence: `could not be compared for ${crates(unknown)}` };
    const allowed = api.filter(f => f.severity === 'allowed').length;
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
    const measured = t.baselineSeconds !== null && t.deltaPercent !== null
        ? `${t.seconds.toFixed(1)} s ${t.metric}, ${t.deltaPercent >= 0 ? '+' : ''}${t.deltaPercent.toFixed(1)}% against ${t.baselineSeconds.toFixed(1)} s`
        : `${t.seconds.toFixed(1)} s ${t.metric}`;
    const evidence = {
        false: 'no regression',
        true: 'regression',
        'not-comparable': 'not comparable with the baseline',
        'no-baseline': 'no baseline yet'
    }[t.regression];
    return { label, done: t.regression === 'false', evidence, measured };
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
            : '**Conflicts** since the last stable run: none found.'
    ];
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
        `${who}the build has been unstable since ${when(since)}, longer than escalate-after (${formatDuration(s.escalation.afterMs ?? 0)}). Label \`${o.label}\` added.`,
        '',
        '**Still failing:**',
        ...(reasons.length ? reasons : ['- (no reason recorded)']),
        ...(found.length
            ? [
                '',
                `**Conflicts:** ${resolved.length} of ${found.length} resolved${open.length ? `; open: ${open.map(describeConflict).join(', ')}` : ''}.`
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
        `The build is stable since ${where(s.current)}${after}${found.length ? `; ${resolved.length} of ${found.length} conflicts resolved` : ''}. Label \`${o.label}\` removed.`,
        ...(s.current.runUrl ? ['', `Run: ${s.current.runUrl}`] : [])
    ].join('\n');
}

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
                body: recoveryComment(s, { label: i.escalationLabel }),
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
        body: escalationComment(s, i.report, { escalateTo: i.escalateTo, label: i.escalationLabel }),
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

// The tracker's GitHub adapter: read the gate workstream's tracking issue (body, labels, markers in its
// comments) and make the planned writes. Thin: decisions are in plan.ts.
/** The open issue labelled `label` (the oldest if several); a closed one is `closed`. */
async function readTrackingIssue(client, repo, label) {
    const found = (await client.paginate(client.rest.issues.listForRepo, {
        ...repo,
        labels: label,
        state: 'all',
        per_page: 100
    })).filter(i => !i.pull_request);
    const open = found.filter(i => i.state === 'open').sort((a, b) => a.number - b.number)[0];
    if (!open)
        return { issue: null, closed: found[0]?.number ?? null };
    const comments = await client.paginate(client.rest.issues.listComments, {
        ...repo,
        issue_number: open.number,
        per_page: 100
    });
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
    const result = { applied: 0, forbidden: null };
    for (const w of writes) {
        const d = describeTrackerWrite(w);
        const what = `${d.kind} ${d.target} (${d.detail})`;
        try {
            const changed = await applyOne(client, repo, w);
            if (changed)
                result.applied++;
            log(`${changed ? '✓' : '='} ${what}`);
        }
        catch (e) {
            if (status(e) === 403) {
                result.forbidden = `${what}: ${errorText(e)}`;
                log(`✗ ${what}: forbidden (HTTP 403); no further writes`);
                return result;
            }
            throw requestFailed(what, e);
        }
    }
    return result;
}
async function applyOne(client, repo, w) {
    switch (w.kind) {
        case 'update-body':
            await client.rest.issues.update({ ...repo, issue_number: w.issue, body: w.body });
            return true;
        case 'add-label':
            await client.rest.issues.addLabels({ ...repo, issue_number: w.issue, labels: [w.label] });
            return true;
        case 'remove-label':
            try {
                await client.rest.issues.removeLabel({ ...repo, issue_number: w.issue, name: w.label });
                return true;
            }
            catch (e) {
                if (status(e) === 404)
                    return false;
                throw e;
            }
        case 'comment':
            await client.rest.issues.createComment({ ...repo, issue_number: w.issue, body: w.body });
            return true;
        case 'dispatch':
            await client.rest.repos.createDispatchEvent({
                ...repo,
                event_type: w.eventType,
                client_payload: w.payload
            });
            return true;
    }
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
        }
    };
}

/** Throws the store's HistoryError when the history exists but cannot be read: it is never overwritten. */
async function recordRun(i) {
    const record = runRecord(i.report, i.ctx, i.now);
    const trusted = i.ctx.trusted && !i.ctx.pullRequest;
    let mode = !i.store ? 'report-only' : i.dryRun ? 'dry-run' : trusted ? 'apply' : 'preview';
    let past = null;
    let recorded = false;
    if (i.store && mode === 'apply') {
        await i.store.update(current => {
            past = current;
            const next = appendRun(current, record);
            recorded = next !== current;
            return next;
        });
    }
    else if (i.store)
        past = await i.store.read();
    const runs = [...(past?.runs ?? []), record];
    const status = deriveStatus(runs, i.now, i.tracker.escalateAfterMs);
    const why = !i.store
        ? `report only: ${i.unreachable ?? 'no history store'}`
        : mode === 'apply'
            ? recorded
                ? `run recorded in ${i.store.location}`
                : `same commit and outcome as the last recorded run: history unchanged`
            : mode === 'dry-run'
                ? 'dry run: history read, nothing written'
                : `${i.ctx.pullRequest ? `pull request #${i.ctx.pullRequest.number}` : i.ctx.trustReason}: history read, nothing written`;
    if (!i.store)
        mode = 'report-only';
    return {
        mode,
        line: statusLine(status, i.now),
        status,
        history: { location: i.store?.location ?? null, recorded, runs: runs.length - (recorded ? 0 : 1) },
        issue: null,
        checklist: 'not-updated',
        escalation: 'not-checked',
        plannedWrites: [],
        appliedWrites: 0,
        note: why
    };
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
    const items = checklistItems({ report: p.report, status: s.status, ...roadmap });
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
/** What the roadmap's AgentObservation carries from the history. */
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
async function trackerPublish(i) {
    const now = i.now ?? new Date();
    const observation = !i.config.dispatchEvents
        ? null
        : (i.report.workstreams?.observation ??
            buildObservation({
                report: i.report,
                gate: i.config.gateWorkstream,
                ready: [],
                blocked: [],
                unblocked: [],
                newlyBlocked: [],
                branchesCreated: [],
                runUrl: i.ctx.runUrl,
                sha: i.ctx.sha,
                now,
                tracker: observationFields(i.section)
            }));
    return publishTracker({
        section: i.section,
        report: i.report,
        tracker: i.config.tracker,
        issueLabel: i.config.workstreamLabelPrefix + i.config.gateWorkstream,
        client: i.client,
        ctx: i.ctx,
        observation,
        log: i.log
    });
}

// The action: inputs → gate → report, annotations, summary, outputs → exit status.
async function run() {
    let config = null;
    let report;
    let judged = false;
    try {
        config = parseConfig(name => getInput(name), 'action');
        if (config.token)
            setSecret(config.token);
        report = (await produceReport(config, { progress: groupPhases, log: line => info(line) })).report;
        judged = true;
    }
    catch (e) {
        const message = errorMessage(e);
        report = failureReport(config?.workingDirectory ?? process.cwd(), message, e instanceof ConfigError ? 'input-error' : 'gate-error');
    }
    const problems = [];
    // Only a judged build is recorded and moves the roadmap: a run that could not run cargo says nothing.
    const track = judged && config?.tracker.enabled && !config.shard ? trackerInput(report, config) : null;
    if (track)
        try {
            report.tracker = await group('Stabilization tracker', () => trackerRecord(track));
        }
        catch (e) {
            problems.push(`Tracker: ${errorMessage(e)}`);
        }
    if (judged && config?.workstreams && !config.shard) {
        try {
            report.workstreams = await syncRoadmap(report, config);
        }
        catch (e) {
            problems.push(`Roadmap sync: ${errorMessage(e)}`);
        }
    }
    const recorded = report.tracker;
    if (track && recorded)
        try {
            report.tracker = await group('Stabilization checklist', () => trackerPublish({ ...track, section: recorded }));
        }
        catch (e) {
            problems.push(`Tracker: ${errorMessage(e)}`);
        }
    await publish(report, config);
    if (!report.verdict.stable && (config?.failOnUnstable ?? true))
        problems.unshift(`Build gate: ${report.verdict.reasons.map(r => r.message).join('; ')}`);
    if (problems.length)
        setFailed(problems.join('\n'));
}
function trackerInput(report, config) {
    const client = config.token ? createClient(config.token, { log: info }) : null;
    return { report, config, ctx: readRunContext(), client, log: (line) => info(line) };
}
async function syncRoadmap(report, config) {
    const client = config.token ? createClient(config.token, { log: info }) : null;
    return group('Roadmap sync', () => syncWorkstreams({
        report,
        config,
        ctx: readRunContext(),
        client,
        log: line => info(line),
        tracker: observationFields(report.tracker),
        renderComment: section => {
            // The PR comment is the job summary of this run, rendered once more into its own buffer.
            const text = buildSummary(summary, { ...report, workstreams: section }, markdownSections()).stringify();
            summary.emptyBuffer();
            return text;
        }
    }));
}
async function publish(report, config) {
    const reportPath = reportPathFor(config);
    try {
        writeReport(report, reportPath);
    }
    catch (e) {
        warning(`Could not write the report to ${reportPath}: ${errorMessage(e)}`);
    }
    const repoRoot = process.env.GITHUB_WORKSPACE ?? config?.workingDirectory ?? process.cwd();
    for (const a of sectionAnnotations(report, repoRoot)) {
        const { level, message, ...props } = a;
        if (level === 'error')
            error(message, props);
        else
            warning(message, props);
    }
    const outputs = reportOutputs(report, reportPath, config);
    for (const [name, value] of Object.entries(outputs))
        setOutput(name, value);
    try {
        await buildSummary(summary, report, markdownSections()).write();
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
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}

await run();
