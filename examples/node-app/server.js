// The smallest web server: enough to give the Dockerfile next to it something to run.
const http = require('node:http');

http
  .createServer((_request, response) => response.end(`node-app ${process.env.APP_VERSION ?? ''}\n`))
  .listen(3000, () => console.log('listening on :3000'));
