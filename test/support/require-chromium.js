// Run before the browser suite: it needs Debian's Chromium, which no npm package downloads here.
const { existsSync } = require('node:fs');

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `The browser tests need Chromium at ${path}.\n` +
      "Install Debian's package:  apt-get update && apt-get install -y chromium\n" +
      '(or set CHROMIUM_PATH to another Chromium binary).',
  );
  process.exit(1);
}
