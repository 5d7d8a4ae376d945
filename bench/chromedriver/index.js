// Stands in for the `chromedriver` npm package, which tachometer requires and which would download
// a driver at install time (nothing may be downloaded here). Points at Debian's driver (apt
// `chromium-driver`), and puts its folder first on PATH as the real package does.
/* global require, process, exports */
/* eslint-disable @typescript-eslint/no-require-imports -- tachometer require()s this CommonJS module */
'use strict';
const { delimiter, dirname } = require('node:path');

const driver = process.env.CHROMEDRIVER_FILEPATH || '/usr/bin/chromedriver';
process.env.PATH = `${dirname(driver)}${delimiter}${process.env.PATH ?? ''}`;

exports.path = driver;
exports.version = 'system';
