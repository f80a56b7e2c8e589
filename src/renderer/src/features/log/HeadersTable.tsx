/** Header pairs as received: order and repeats kept. */
export function HeadersTable({ headers }: { headers: ReadonlyArray<readonly [string, string]> }) {
  if (headers.length === 0) return <p className="muted">No headers.</p>;
  return (
    <table className="table table--compact" data-testid="headers-table">
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={`${name}-${i}`}>
            <th scope="row" className="table__key">
              {name}
            </th>
            <td>
              <code className="break">{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
