using System.Text;

namespace ActorRecorder.Hocon.Paths;

/// <summary>
/// Assembles a path expression (a key or the inside of <c>${...}</c>) from its pieces. Dots in
/// unquoted pieces (including numbers as written) separate elements; quoted pieces never split.
/// </summary>
internal sealed class PathExpressionBuilder
{
    private readonly List<string> _segments = [];
    private readonly StringBuilder _current = new();

    // Most keys are one unquoted word; keeping that word avoids copying it into a new string.
    private string? _wholePiece;
    private int _piecesInSegment;
    private bool _segmentQuoted;

    public void Reset()
    {
        _segments.Clear();
        _current.Clear();
        _wholePiece = null;
        _piecesInSegment = 0;
        _segmentQuoted = false;
    }

    /// <summary>Adds unquoted text (or a number as written); returns an error message or null.</summary>
    public string? AddUnquoted(string text)
    {
        if (text.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            AppendPiece(text);
            return null;
        }

        var start = 0;
        while (true)
        {
            var dot = text.IndexOf('.', start);
            if (dot < 0)
            {
                if (start < text.Length)
                {
                    AppendPiece(text[start..]);
                }

                return null;
            }

            if (dot > start)
            {
                AppendPiece(text[start..dot]);
            }

            var error = FinishSegment();
            if (error is not null)
            {
                return error;
            }

            start = dot + 1;
        }
    }

    /// <summary>Adds quoted text, or whitespace between pieces, which is never split.</summary>
    public void AddQuoted(string text)
    {
        AppendPiece(text);
        _segmentQuoted = true;
    }

    /// <summary>Completes the path; returns the elements, or null with an error message.</summary>
    public string[]? Finish(out string? error)
    {
        if (_segments.Count == 0 && _piecesInSegment == 0 && !_segmentQuoted)
        {
            error = "a path expression is empty";
            return null;
        }

        if (_piecesInSegment == 0 && !_segmentQuoted)
        {
            error = "a path expression ends with '.'";
            return null;
        }

        error = FinishSegment();
        return error is null ? [.. _segments] : null;
    }

    private void AppendPiece(string piece)
    {
        if (_piecesInSegment == 0)
        {
            _wholePiece = piece;
        }
        else
        {
            if (_piecesInSegment == 1)
            {
                _current.Clear().Append(_wholePiece);
            }

            _current.Append(piece);
        }

        _piecesInSegment++;
    }

    private string? FinishSegment()
    {
        if (_piecesInSegment == 0 && !_segmentQuoted)
        {
            // The spec allows empty elements only when quoted: a."".b is fine, a..b is not.
            return _segments.Count == 0 ? "a path expression starts with '.'" : "a path expression has an empty element ('..')";
        }

        _segments.Add(_piecesInSegment switch
        {
            0 => string.Empty,
            1 => _wholePiece!,
            _ => _current.ToString(),
        });
        _current.Clear();
        _wholePiece = null;
        _piecesInSegment = 0;
        _segmentQuoted = false;
        return null;
    }
}
