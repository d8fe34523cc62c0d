"""One QWizardPage subclass per file, in the order of the staged migration."""
