// Starts GOV.UK Frontend's components (error summary focus, service navigation toggle, and so on).
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';
initAll();
