// Moved to src/templates.ts (report/ renders templates too, and sits below bot/).
export { Templates, TEMPLATE_DIR } from '../templates.js'
