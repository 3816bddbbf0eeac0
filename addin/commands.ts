/// <reference types="office-js" />

// The ribbon button only opens the task pane (a ShowTaskpane action, no code). Office still loads
// this function file for the add-in's commands; it must call Office.onReady so Office knows it is up.
if (typeof Office !== "undefined") void Office.onReady();
