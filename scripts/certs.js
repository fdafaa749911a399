// The HTTPS certificate for https://localhost: the one office-addin-dev-certs makes and trusts
// (Excel needs a trusted certificate to load the task pane). On Debian its trust step runs
// `sudo`, which this installs first when running as root. If trusting fails, the certificate is
// still used (browsers then warn once) and the reason is printed.
"use strict";

const { canInstallPackages, hasCommand, installPackages } = require("./debian");

function ensureSudo() {
  if (process.platform !== "linux" || hasCommand("sudo")) return;
  if (canInstallPackages()) {
    console.log("Installing sudo (office-addin-dev-certs uses it to trust its certificate)…");
    installPackages(["sudo"]);
  }
}

/** { key, cert, ca } for an HTTPS server on localhost. */
async function localhostCertificate() {
  ensureSudo();
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    console.warn(`Could not trust the development certificate (${error.message.split("\n")[0]}); using it untrusted.`);
    const fs = require("fs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(defaults.localhostCertificatePath)) {
      await require("office-addin-dev-certs/lib/generate").generateCertificates(
        defaults.caCertificatePath,
        defaults.localhostCertificatePath,
        defaults.localhostKeyPath,
        defaults.daysUntilCertificateExpires,
      );
    }
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

module.exports = { localhostCertificate };
