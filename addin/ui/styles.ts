import { css } from "lit";

/** Fluent-like look, small enough for a 320-pixel task pane. */
export const base = css`
  :host {
    display: block;
    font-family:
      "Segoe UI",
      system-ui,
      -apple-system,
      sans-serif;
    font-size: 13px;
    color: #201f1e;
  }
  h2 {
    font-size: 14px;
    font-weight: 600;
    margin: 14px 0 6px;
  }
  h3 {
    font-size: 13px;
    font-weight: 600;
    margin: 10px 0 4px;
  }
  p {
    margin: 4px 0;
  }
  button {
    font: inherit;
    border: 1px solid #8a8886;
    background: #fff;
    color: #201f1e;
    border-radius: 2px;
    padding: 4px 10px;
    margin: 2px 4px 2px 0;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: #f3f2f1;
  }
  button.primary {
    background: #0f6cbd;
    border-color: #0f6cbd;
    color: #fff;
  }
  button.primary:hover:not(:disabled) {
    background: #115ea3;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  select,
  input {
    font: inherit;
    padding: 3px 4px;
    border: 1px solid #8a8886;
    border-radius: 2px;
    background: #fff;
  }
  table.list {
    border-collapse: collapse;
    width: 100%;
    font-size: 12px;
  }
  table.list th,
  table.list td {
    text-align: left;
    padding: 3px 4px;
    border-bottom: 1px solid #edebe9;
    /* Text wraps (a 270 px pane never scrolls sideways); figures stay on one line. */
    overflow-wrap: anywhere;
  }
  table.list td.num,
  table.list th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  table.list tr.clickable {
    cursor: pointer;
  }
  table.list tr.clickable:hover {
    background: #f3f2f1;
  }
  table.list tr.current {
    background: #deecf9;
  }
  .muted {
    color: #605e5c;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
  }
`;
