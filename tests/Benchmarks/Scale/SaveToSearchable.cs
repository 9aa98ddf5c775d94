using System.Diagnostics;
using System.Net;
using System.Text;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>Save → searchable: the POST's own time and the time until search found the new word, over the samples taken.</summary>
public sealed record SaveResult(Percentiles SaveMs, Percentiles SearchableMs, int Samples, int Failures, int TimedOut, string? FirstFailure);

/// <summary>
/// Edits one of alice's drafts through the real edit form, appending a word no document holds, then polls the search
/// page (as alice) until it links to that document. Measured from sending the POST to the first search answer that
/// finds it. A sample whose word is not found within the timeout counts as the timeout (and is reported as timed out).
/// Bounded by a sample count and an overall time budget.
/// </summary>
public static class SaveToSearchable
{
    private const string Letters = "bcdfghjklmnpqrtvwxz"; // no vowels or 's': no stemmer or dictionary changes the word

    public static string UniqueWord(int sample)
    {
        var word = new StringBuilder("zqkb");
        for (var n = sample + (19 * 19 * 19); n > 0; n /= Letters.Length)
        {
            word.Append(Letters[n % Letters.Length]);
        }

        return word.ToString();
    }

    public static async Task<SaveResult> RunAsync(PortalClient client, int samples, TimeSpan budget, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var save = new List<double>();
        var searchable = new List<double>();
        var failures = 0;
        var timedOut = 0;
        string? firstFailure = null;
        var started = Stopwatch.GetTimestamp();
        for (var k = 0; k < samples && Stopwatch.GetElapsedTime(started) < budget; k++)
        {
            var id = DocumentGenerator.EditTargetId(k % DocumentGenerator.EditTargets);
            var word = UniqueWord(k);
            HttpStatusCode status;
            long postedAt;
            try
            {
                (status, postedAt) = await client.AppendWordAsync(id, word, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                failures++;
                firstFailure ??= $"saving {id}: {e.Message}";
                continue;
            }

            var saved = Stopwatch.GetElapsedTime(postedAt).TotalMilliseconds;
            if (status is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther))
            {
                failures++;
                firstFailure ??= $"saving {id} answered {(int)status}";
                continue;
            }

            save.Add(saved);
            var found = false;
            while (!found && Stopwatch.GetElapsedTime(postedAt) < timeout)
            {
                found = await client.SearchFindsAsync(word, id, cancellationToken);
                if (!found)
                {
                    await Task.Delay(10, cancellationToken);
                }
            }

            if (!found)
            {
                timedOut++;
                firstFailure ??= $"'{word}' saved into {id} was not found by search within {timeout.TotalSeconds:0} s";
            }

            searchable.Add(found ? Stopwatch.GetElapsedTime(postedAt).TotalMilliseconds : timeout.TotalMilliseconds);
        }

        return new SaveResult(Percentiles.Of(save), Percentiles.Of(searchable), searchable.Count, failures, timedOut, firstFailure);
    }
}
