// nginx or Caddy in front? Both from Debian's apt, each serving the same prerendered page and the
// same stylesheet straight from disk with their .br beside them, measured in turn in one run.
// (docs/deploy.md, "Why nginx, not Caddy").
//
//   npm run build && node bench/proxy-choice.mjs        BENCH_SECONDS=10 BENCH_CONNECTIONS=50
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { APP_DIR, requireBuild, waitForOk } from "../scripts/site.mjs";
import { machineLoad } from "./next-server.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3970);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const HEADERS = { "accept-encoding": "gzip, deflate, br" };
requireBuild();
for (const tool of ["nginx", "caddy"]) {
  if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) throw new Error(`${tool} is missing: apt-get install -y ${tool}`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lumomate-proxy-choice-"));
const root = path.join(APP_DIR, ".next", "server", "app");
const stylesheet = fs.readdirSync(path.join(APP_DIR, ".next", "static", "chunks")).find((f) => f.endsWith(".css") && fs.existsSync(path.join(APP_DIR, ".next", "static", "chunks", `${f}.br`)));
const servers = {
  nginx: {
    config: `${process.getuid?.() === 0 ? "user root root;" : ""}
worker_processes auto; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events { worker_connections 4096; }
http { include /etc/nginx/mime.types; access_log off; sendfile on; keepalive_requests 10000;
  open_file_cache max=2000 inactive=60s; brotli_static on; gzip_static on; gzip_vary on;
  client_body_temp_path ${dir}/cb; proxy_temp_path ${dir}/p; fastcgi_temp_path ${dir}/f; uwsgi_temp_path ${dir}/u; scgi_temp_path ${dir}/s;
  server { listen 127.0.0.1:${PORT};
    location /_next/static/ { alias ${APP_DIR}/.next/static/; }
    location / { root ${root}; } } }`,
    file: "nginx.conf",
    command: (conf) => ["nginx", ["-c", conf, "-p", dir, "-e", `${dir}/error.log`, "-g", "daemon off;"]],
  },
  caddy: {
    config: `{
  admin off
  auto_https off
}
http://127.0.0.1:${PORT} {
  handle_path /_next/static/* {
    root * ${APP_DIR}/.next/static
    file_server {
      precompressed br gzip
    }
  }
  handle {
    root * ${root}
    file_server {
      precompressed br gzip
    }
  }
}`,
    file: "Caddyfile",
    command: (conf) => ["caddy", ["run", "--config", conf, "--adapter", "caddyfile"]],
    quiet: true,
  },
};

const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(`bench/proxy-choice: ${CONNECTIONS} connections, ${SECONDS} s per run; ${machineLoad()}`);
const paths = ["/glossary/epoch.html", `/_next/static/chunks/${stylesheet}`];
try {
  for (const [name, server] of Object.entries(servers)) {
    const conf = path.join(dir, server.file);
    fs.writeFileSync(conf, server.config);
    const [cmd, args] = server.command(conf);
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", server.quiet ? "ignore" : "inherit"], env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir } });
    try {
      await waitForOk(`http://127.0.0.1:${PORT}${paths[0]}`, { child, timeoutMs: 10_000 });
      const encoding = (await fetch(`http://127.0.0.1:${PORT}${paths[0]}`, { headers: HEADERS })).headers.get("content-encoding");
      for (const p of paths) await autocannon({ url: `http://127.0.0.1:${PORT}${p}`, connections: CONNECTIONS, duration: 2, headers: HEADERS });
      const figures = [];
      for (const p of paths) {
        const r = await autocannon({ url: `http://127.0.0.1:${PORT}${p}`, connections: CONNECTIONS, duration: SECONDS, headers: HEADERS });
        if (r.errors || r.non2xx) throw new Error(`${name} ${p}: ${r.errors} errors, ${r.non2xx} non-2xx`);
        figures.push(`${p.split("/").pop()} ${fmt(r.requests.average)} req/s (p99 ${r.latency.p99} ms)`);
      }
      console.log(`  ${name.padEnd(6)} (${encoding}): ${figures.join(";  ")}`);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`  ${machineLoad()}`);
